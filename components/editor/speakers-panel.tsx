"use client";

import { useId, useMemo, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { SPEAKER_ROLE_NAMES, type EditorEntity, type EditorSpeaker, type SpeakerRoleName } from "@/lib/editor/types";
import type { EditorController } from "./editor-controller";
import { SPEAKER_ROLE_NAME_LABELS } from "./labels";

const INPUT =
  "w-full rounded-md border border-stone-300 bg-white px-2 py-1 text-sm outline-none focus:border-accent focus:ring-2 focus:ring-rose-200";
const SMALL_BUTTON =
  "rounded border border-stone-300 bg-white px-2 py-1 text-xs font-medium text-ink hover:bg-stone-100 disabled:cursor-not-allowed disabled:text-stone-500";

export type SpeakersUpdate = (update: (speakers: EditorSpeaker[]) => EditorSpeaker[]) => void;

/** Speakers as records: edit, link to a person, merge, split, add. */
export function SpeakersPanel({
  controller,
  speakers,
  entities,
  onSpeakersChange,
  onSplit,
}: {
  controller: EditorController;
  speakers: EditorSpeaker[];
  entities: EditorEntity[];
  onSpeakersChange: SpeakersUpdate;
  onSplit: (speaker: EditorSpeaker) => void;
}) {
  const structure = useSyncExternalStore(
    controller.store.subscribeStructure,
    controller.store.getStructure,
    controller.store.getStructure,
  );
  const counts = useMemo(() => {
    void structure.version;
    const result = new Map<string | null, number>();
    for (const id of structure.order) {
      const speakerId = controller.store.getEntry(id)?.segment.speakerId ?? null;
      result.set(speakerId, (result.get(speakerId) ?? 0) + 1);
    }
    return result;
  }, [structure, controller.store]);
  const people = entities.filter((entity) => entity.type === "person" && entity.status !== "rejected");
  const isPartial = structure.order.length < structure.totalCount;

  return (
    <section aria-labelledby="speakers-title" className="flex flex-col gap-3" data-testid="speakers-panel">
      <h2 id="speakers-title" className="font-semibold">
        Speakers <span className="font-normal text-stone-600">({speakers.length})</span>
      </h2>
      <p className="text-xs text-stone-700">
        Alt+1…9 gives the focused paragraph a speaker in this order. Renaming a speaker renames them everywhere.
        {isPartial ? " Paragraph counts are for the part of the transcript loaded so far." : ""}
      </p>
      {(counts.get(null) ?? 0) > 0 ? (
        <p className="text-xs text-amber-950">{counts.get(null)} paragraph(s) have no speaker.</p>
      ) : null}
      <ol className="flex flex-col gap-2" data-testid="draft-speakers">
        {speakers.map((speaker, index) => (
          <li key={speaker.id}>
            <SpeakerRow
              controller={controller}
              speaker={speaker}
              number={index + 1}
              paragraphs={counts.get(speaker.id) ?? 0}
              speakers={speakers}
              people={people}
              onSpeakersChange={onSpeakersChange}
              onSplit={onSplit}
            />
          </li>
        ))}
      </ol>
      <AddSpeaker controller={controller} onSpeakersChange={onSpeakersChange} />
    </section>
  );
}

function SpeakerRow({
  controller,
  speaker,
  number,
  paragraphs,
  speakers,
  people,
  onSpeakersChange,
  onSplit,
}: {
  controller: EditorController;
  speaker: EditorSpeaker;
  number: number;
  paragraphs: number;
  speakers: EditorSpeaker[];
  people: EditorEntity[];
  onSpeakersChange: SpeakersUpdate;
  onSplit: (speaker: EditorSpeaker) => void;
}) {
  const id = useId();
  const [isEditing, setIsEditing] = useState(false);
  const [isMerging, setIsMerging] = useState(false);
  const [fields, setFields] = useState({
    name: speaker.name,
    title: speaker.title ?? "",
    role: speaker.role ?? "",
    outlet: speaker.outlet ?? "",
    personId: speaker.personId ?? "",
  });
  const [mergeInto, setMergeInto] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [isBusy, setIsBusy] = useState(false);

  function startEditing() {
    setFields({
      name: speaker.name,
      title: speaker.title ?? "",
      role: speaker.role ?? "",
      outlet: speaker.outlet ?? "",
      personId: speaker.personId ?? "",
    });
    setError(null);
    setFieldErrors({});
    setIsEditing(true);
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    const response = await controller.api.updateSpeaker(speaker.id, {
      name: fields.name.trim(),
      title: fields.title.trim() || null,
      role: (fields.role || null) as SpeakerRoleName | null,
      outlet: fields.outlet.trim() || null,
      personId: fields.personId || null,
    });
    setIsBusy(false);
    if (!response.ok) {
      setError(response.message);
      if (!response.offline) setFieldErrors(response.fieldErrors);
      return;
    }
    const updated = response.body.speaker;
    onSpeakersChange((current) => current.map((item) => (item.id === updated.id ? updated : item)));
    setIsEditing(false);
    controller.say(`Speaker saved: ${updated.name}.`);
  }

  async function merge() {
    const target = speakers.find((item) => item.id === mergeInto);
    if (!target) return;
    setIsBusy(true);
    const response = await controller.api.mergeSpeaker(speaker.id, target.id);
    setIsBusy(false);
    if (!response.ok) {
      setError(response.message);
      return;
    }
    const kept = response.body.speaker;
    onSpeakersChange((current) =>
      current.filter((item) => item.id !== speaker.id).map((item) => (item.id === kept.id ? kept : item)),
    );
    for (const entry of controller.store.entriesWhere((item) => item.segment.speakerId === speaker.id)) {
      controller.store.updateEntry(entry.segment.id, { segment: { ...entry.segment, speakerId: kept.id } });
    }
    controller.syncNow();
    controller.say(`${speaker.name} merged into ${kept.name}: ${response.body.moved} paragraph(s) moved.`);
  }

  const details = [speaker.title, speaker.outlet, speaker.role ? SPEAKER_ROLE_NAME_LABELS[speaker.role] : null]
    .filter(Boolean)
    .join(" · ");

  return (
    <div className="rounded-md border border-stone-200 bg-white p-2 text-sm">
      <div className="flex items-start gap-2">
        <span className="mt-0.5 w-5 shrink-0 text-right font-mono text-xs text-stone-600" title={`Alt+${number}`}>
          {number <= 9 ? number : ""}
        </span>
        <div className="min-w-0 flex-1">
          <div className="font-medium [overflow-wrap:anywhere]">{speaker.name}</div>
          {details ? <div className="text-xs text-stone-700">{details}</div> : null}
          <div className="text-xs text-stone-600">
            {paragraphs} paragraph{paragraphs === 1 ? "" : "s"}
            {speaker.personName ? ` · linked to ${speaker.personName}` : ""}
          </div>
        </div>
      </div>
      {!isEditing ? (
        <div className="mt-2 flex flex-wrap gap-1">
          <button type="button" className={SMALL_BUTTON} onClick={startEditing} aria-label={`Edit ${speaker.name}`}>
            Edit
          </button>
          <button
            type="button"
            className={SMALL_BUTTON}
            onClick={() => setIsMerging((value) => !value)}
            aria-expanded={isMerging}
            aria-label={`Merge ${speaker.name} into another speaker`}
          >
            Merge…
          </button>
          <button
            type="button"
            className={SMALL_BUTTON}
            onClick={() => onSplit(speaker)}
            aria-label={`Split ${speaker.name} into several speakers`}
          >
            Split speaker…
          </button>
        </div>
      ) : null}
      {isMerging && !isEditing ? (
        <div className="mt-2 flex flex-wrap items-end gap-2 rounded bg-stone-50 p-2">
          <div className="flex min-w-0 flex-1 flex-col gap-0.5">
            <label htmlFor={`${id}-merge`} className="text-xs font-medium">
              Merge {speaker.name} into
            </label>
            <select
              id={`${id}-merge`}
              value={mergeInto}
              onChange={(event) => setMergeInto(event.target.value)}
              className={INPUT}
            >
              <option value="">Choose a speaker</option>
              {speakers
                .filter((item) => item.id !== speaker.id)
                .map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.name}
                  </option>
                ))}
            </select>
          </div>
          <button type="button" className={SMALL_BUTTON} disabled={!mergeInto || isBusy} onClick={() => void merge()}>
            Merge
          </button>
        </div>
      ) : null}
      {isEditing ? (
        <form onSubmit={save} className="mt-2 grid gap-2">
          <Field id={`${id}-name`} label="Name" error={fieldErrors.name}>
            <input
              id={`${id}-name`}
              value={fields.name}
              required
              onChange={(event) => setFields({ ...fields, name: event.target.value })}
              className={INPUT}
            />
          </Field>
          <Field id={`${id}-title`} label="Title (e.g. Secretary General)" error={fieldErrors.title}>
            <input
              id={`${id}-title`}
              value={fields.title}
              onChange={(event) => setFields({ ...fields, title: event.target.value })}
              className={INPUT}
            />
          </Field>
          <Field id={`${id}-role`} label="Role" error={fieldErrors.role}>
            <select
              id={`${id}-role`}
              value={fields.role}
              onChange={(event) => setFields({ ...fields, role: event.target.value })}
              className={INPUT}
            >
              <option value="">None</option>
              {SPEAKER_ROLE_NAMES.map((role) => (
                <option key={role} value={role}>
                  {SPEAKER_ROLE_NAME_LABELS[role]}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-outlet`} label="Outlet (for journalists)" error={fieldErrors.outlet}>
            <input
              id={`${id}-outlet`}
              value={fields.outlet}
              onChange={(event) => setFields({ ...fields, outlet: event.target.value })}
              className={INPUT}
            />
          </Field>
          <Field id={`${id}-person`} label="The person this is" error={fieldErrors.personId}>
            <select
              id={`${id}-person`}
              value={fields.personId}
              onChange={(event) => setFields({ ...fields, personId: event.target.value })}
              className={INPUT}
            >
              <option value="">Not linked</option>
              {people.map((person) => (
                <option key={person.id} value={person.entityId}>
                  {person.name}
                </option>
              ))}
              {speaker.personId && !people.some((person) => person.entityId === speaker.personId) ? (
                <option value={speaker.personId}>{speaker.personName ?? "Linked person"}</option>
              ) : null}
            </select>
          </Field>
          <div className="flex gap-2">
            <Button type="submit" disabled={isBusy || !fields.name.trim()}>
              Save
            </Button>
            <Button variant="secondary" onClick={() => setIsEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {error ? (
        <p className="mt-2 text-sm text-red-800" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-stone-800">
        {label}
      </label>
      {children}
      {error ? <p className="text-xs text-red-700">{error}</p> : null}
    </div>
  );
}

function AddSpeaker({
  controller,
  onSpeakersChange,
}: {
  controller: EditorController;
  onSpeakersChange: SpeakersUpdate;
}) {
  const id = useId();
  const [name, setName] = useState("");
  const [outlet, setOutlet] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) return;
    setIsBusy(true);
    setError(null);
    const response = await controller.api.createSpeaker({ name: name.trim(), outlet: outlet.trim() || null });
    setIsBusy(false);
    if (!response.ok) {
      setError(response.message);
      return;
    }
    const created = response.body.speaker;
    onSpeakersChange((current) => [...current.filter((item) => item.id !== created.id), created]);
    setName("");
    setOutlet("");
    controller.say(`Speaker added: ${created.name}.`);
  }

  return (
    <form onSubmit={add} className="grid gap-2 rounded-md border border-dashed border-stone-300 p-2">
      <h3 className="text-sm font-medium">Add a speaker</h3>
      <Field id={`${id}-name`} label="Name">
        <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} className={INPUT} />
      </Field>
      <Field id={`${id}-outlet`} label="Outlet (optional)">
        <input
          id={`${id}-outlet`}
          value={outlet}
          onChange={(event) => setOutlet(event.target.value)}
          className={INPUT}
        />
      </Field>
      {error ? (
        <p className="text-sm text-red-800" role="alert">
          {error}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant="secondary" disabled={isBusy || !name.trim()}>
          Add speaker
        </Button>
      </div>
    </form>
  );
}
