"use client";

import { useId, useState, useSyncExternalStore } from "react";
import { ENTITY_TYPE_NAMES, type EditorEntity, type EntityTypeName } from "@/lib/editor/types";
import type { EditorController } from "./editor-controller";
import { ENTITY_TYPE_NAME_LABELS } from "./labels";

const SMALL_BUTTON =
  "rounded border border-stone-300 bg-white px-2 py-1 text-xs font-medium text-ink hover:bg-stone-100 disabled:cursor-not-allowed disabled:text-stone-500";

export type EntitiesUpdate = (update: (entities: EditorEntity[]) => EditorEntity[]) => void;

function upsertEntities(current: EditorEntity[], changed: EditorEntity[], removedId?: string): EditorEntity[] {
  const byId = new Map(current.filter((entity) => entity.id !== removedId).map((entity) => [entity.id, entity]));
  for (const entity of changed) byId.set(entity.id, entity);
  return [...byId.values()];
}

function isEmptySuggestion(entity: EditorEntity): boolean {
  return entity.status === "suggested" && entity.mentionCount === 0;
}

/** People, organisations, places and topics: accept or reject suggestions, tag the selection, merge duplicates. */
export function EntitiesPanel({
  controller,
  entities,
  onEntitiesChange,
}: {
  controller: EditorController;
  entities: EditorEntity[];
  onEntitiesChange: EntitiesUpdate;
}) {
  const selection = useSyncExternalStore(controller.selection.subscribe, controller.selection.get, () => null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function tag(type: EntityTypeName) {
    if (!selection) return;
    setBusyId(`tag-${type}`);
    const response = await controller.api.tagEntity({
      type,
      name: selection.text.trim(),
      segmentId: selection.segmentId,
      start: selection.start,
      end: selection.end,
    });
    setBusyId(null);
    if (!response.ok) return controller.say(response.message, "error");
    onEntitiesChange((current) => upsertEntities(current, [response.body.entity]));
    controller.say(`Tagged “${response.body.entity.name}” as a ${ENTITY_TYPE_NAME_LABELS[type].singular}.`);
  }

  async function setStatus(entity: EditorEntity, status: EditorEntity["status"]) {
    setBusyId(entity.id);
    const response = await controller.api.setEntityStatus(entity.id, status);
    setBusyId(null);
    if (!response.ok) return controller.say(response.message, "error");
    onEntitiesChange((current) => upsertEntities(current, [response.body.entity]));
  }

  async function merge(entity: EditorEntity, intoId: string) {
    setBusyId(entity.id);
    const response = await controller.api.mergeEntity(entity.id, intoId);
    setBusyId(null);
    if (!response.ok) return controller.say(response.message, "error");
    onEntitiesChange((current) => upsertEntities(current, response.body.entities, entity.id));
    controller.say(`Merged “${entity.name}”.`);
  }

  return (
    <section aria-labelledby="entities-title" className="flex flex-col gap-4" data-testid="entities-panel">
      <h2 id="entities-title" className="font-semibold">
        People, organisations, places and topics
      </h2>

      <div className="rounded-md border border-stone-200 bg-white p-2 text-sm">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-600">Tag the selected words</h3>
        <p className="mt-1 text-xs text-stone-700">
          {selection ? (
            <>Selected: “{selection.text.length > 60 ? `${selection.text.slice(0, 60)}…` : selection.text}”</>
          ) : (
            "Select a name in the text first."
          )}
        </p>
        <div className="mt-2 flex flex-wrap gap-1">
          {ENTITY_TYPE_NAMES.map((type) => (
            <button
              key={type}
              type="button"
              className={SMALL_BUTTON}
              disabled={!selection || !selection.text.trim() || busyId === `tag-${type}`}
              onClick={() => void tag(type)}
            >
              Tag selection as {ENTITY_TYPE_NAME_LABELS[type].singular}
            </button>
          ))}
        </div>
      </div>

      {entities.length === 0 ? <p className="text-sm text-stone-600">None found or tagged yet.</p> : null}
      {ENTITY_TYPE_NAMES.map((type) => {
        const ofType = entities
          .filter((entity) => entity.type === type)
          .sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
        if (ofType.length === 0) return null;
        // A suggestion whose words are all gone (edited away) has nothing to show; it returns with its words.
        const live = ofType.filter((entity) => entity.status !== "rejected" && !isEmptySuggestion(entity));
        const rejected = ofType.filter((entity) => entity.status === "rejected");
        return (
          <section key={type} aria-labelledby={`entities-${type}-title`}>
            <h3 id={`entities-${type}-title`} className="text-xs font-semibold uppercase tracking-wide text-stone-600">
              {ENTITY_TYPE_NAME_LABELS[type].plural} ({live.length})
            </h3>
            <ul className="mt-1 flex flex-col gap-1" data-testid={`entities-${type}`}>
              {live.map((entity) => (
                <EntityRow
                  key={entity.id}
                  entity={entity}
                  sameType={live.filter((other) => other.id !== entity.id)}
                  isBusy={busyId === entity.id}
                  onStatus={(status) => void setStatus(entity, status)}
                  onMerge={(intoId) => void merge(entity, intoId)}
                />
              ))}
            </ul>
            {rejected.length > 0 ? (
              <details className="mt-1 text-sm">
                <summary className="cursor-pointer text-xs text-stone-700">Rejected ({rejected.length})</summary>
                <ul className="mt-1 flex flex-col gap-1">
                  {rejected.map((entity) => (
                    <li key={entity.id} className="flex items-center justify-between gap-2 text-stone-700">
                      <span className="line-through">{entity.name}</span>
                      <button
                        type="button"
                        className={SMALL_BUTTON}
                        disabled={busyId === entity.id}
                        onClick={() => void setStatus(entity, "suggested")}
                        aria-label={`Restore ${entity.name}`}
                      >
                        Restore
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}

function EntityRow({
  entity,
  sameType,
  isBusy,
  onStatus,
  onMerge,
}: {
  entity: EditorEntity;
  sameType: EditorEntity[];
  isBusy: boolean;
  onStatus: (status: EditorEntity["status"]) => void;
  onMerge: (intoId: string) => void;
}) {
  const id = useId();
  const [isMerging, setIsMerging] = useState(false);
  const [intoId, setIntoId] = useState("");
  return (
    <li className="rounded border border-stone-200 bg-white px-2 py-1.5 text-sm">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="min-w-0 flex-1 font-medium [overflow-wrap:anywhere]">
          {entity.name} <span className="font-normal text-stone-600">×{entity.mentionCount}</span>
        </span>
        {entity.status === "accepted" ? (
          <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-950">Accepted</span>
        ) : (
          <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-800">Suggested</span>
        )}
      </div>
      <div className="mt-1 flex flex-wrap gap-1">
        {entity.status !== "accepted" ? (
          <button
            type="button"
            className={SMALL_BUTTON}
            disabled={isBusy}
            onClick={() => onStatus("accepted")}
            aria-label={`Accept ${entity.name}`}
          >
            Accept
          </button>
        ) : null}
        <button
          type="button"
          className={SMALL_BUTTON}
          disabled={isBusy}
          onClick={() => onStatus("rejected")}
          aria-label={`Reject ${entity.name}`}
        >
          Reject
        </button>
        {sameType.length > 0 ? (
          <button
            type="button"
            className={SMALL_BUTTON}
            aria-expanded={isMerging}
            onClick={() => setIsMerging((value) => !value)}
            aria-label={`Merge ${entity.name} with a duplicate`}
          >
            Merge…
          </button>
        ) : null}
      </div>
      {isMerging ? (
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <div className="flex min-w-0 flex-1 flex-col gap-0.5">
            <label htmlFor={`${id}-merge`} className="text-xs font-medium">
              Keep which? “{entity.name}” becomes
            </label>
            <select
              id={`${id}-merge`}
              value={intoId}
              onChange={(event) => setIntoId(event.target.value)}
              className="rounded border border-stone-300 bg-white px-1.5 py-1 text-sm"
            >
              <option value="">Choose the one to keep</option>
              {sameType.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.name} (×{other.mentionCount})
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className={SMALL_BUTTON}
            disabled={!intoId || isBusy}
            onClick={() => {
              onMerge(intoId);
              setIsMerging(false);
            }}
          >
            Merge
          </button>
        </div>
      ) : null}
    </li>
  );
}
