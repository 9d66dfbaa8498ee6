"use client";

import { useMemo, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { EditorSpeaker } from "@/lib/editor/types";
import type { SpeakerAssignment } from "./api";
import type { EditorController } from "./editor-controller";
import { Modal } from "./modal";

interface Row {
  segmentId: string;
  number: number;
  text: string;
  /** "" keeps the speaker; an id picks an existing speaker; "new" asks for a name; "typed:N" reuses row N's new name. */
  choice: string;
  name: string;
  outlet: string;
}

/**
 * Turns one speaker into several, paragraph by paragraph: a generic "Question" becomes the journalists who asked,
 * each with a name and an outlet. A name typed once is offered in the rows below it.
 */
export function SplitSpeakerDialog({
  controller,
  speaker,
  speakers,
  onDone,
  onClose,
}: {
  controller: EditorController;
  speaker: EditorSpeaker;
  speakers: EditorSpeaker[];
  onDone: (speakers: EditorSpeaker[]) => void;
  onClose: () => void;
}) {
  const [rows, setRows] = useState<Row[]>(() => {
    const { order } = controller.store.getStructure();
    return order.flatMap((segmentId, index) => {
      const entry = controller.store.getEntry(segmentId);
      if (!entry || entry.segment.speakerId !== speaker.id) return [];
      return [
        { segmentId, number: index + 1, text: entry.draft ?? entry.segment.text, choice: "", name: "", outlet: "" },
      ];
    });
  });
  const [error, setError] = useState<string | undefined>();
  const [isBusy, setIsBusy] = useState(false);
  const isPartial = controller.store.getStructure().order.length < controller.store.getStructure().totalCount;
  const others = speakers.filter((item) => item.id !== speaker.id);

  const typedNames = useMemo(
    () =>
      rows
        .map((row, index) => ({ index, name: row.name.trim(), outlet: row.outlet.trim(), choice: row.choice }))
        .filter((row) => row.choice === "new" && row.name),
    [rows],
  );

  function update(index: number, patch: Partial<Row>) {
    setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  }

  function assignmentFor(row: Row): SpeakerAssignment | null {
    if (row.choice === "") return null;
    if (row.choice === "new") {
      if (!row.name.trim()) return null;
      return {
        segmentId: row.segmentId,
        speaker: { name: row.name.trim(), ...(row.outlet.trim() ? { outlet: row.outlet.trim() } : {}) },
      };
    }
    if (row.choice.startsWith("typed:")) {
      const source = rows[Number(row.choice.slice("typed:".length))];
      if (!source?.name.trim()) return null;
      return {
        segmentId: row.segmentId,
        speaker: { name: source.name.trim(), ...(source.outlet.trim() ? { outlet: source.outlet.trim() } : {}) },
      };
    }
    return { segmentId: row.segmentId, speaker: { id: row.choice } };
  }

  const assignments = rows.map(assignmentFor).filter((item): item is SpeakerAssignment => item !== null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (assignments.length === 0) return;
    setIsBusy(true);
    setError(undefined);
    const response = await controller.api.splitSpeaker(speaker.id, assignments);
    setIsBusy(false);
    if (!response.ok) {
      setError(response.message);
      return;
    }
    response.body.segments.forEach((segment) => controller.store.acceptOwnChange(segment));
    onDone(response.body.speakers);
    controller.say(`${assignments.length} paragraph(s) given to other speakers.`);
    onClose();
  }

  return (
    <Modal title={`Split ${speaker.name}`} onClose={onClose} testId="split-speaker" wide>
      <form onSubmit={submit} className="flex flex-col gap-4">
        <p className="text-sm text-stone-700">
          For each paragraph, keep {speaker.name}, pick another speaker, or name a new one (with their outlet, for a
          journalist). A new name typed once is offered in the rows below.
          {isPartial ? " Only the paragraphs loaded so far are listed; scroll the text to load more." : ""}
        </p>
        {rows.length === 0 ? <p className="text-sm">No loaded paragraph has this speaker.</p> : null}
        <ol className="flex flex-col gap-3">
          {rows.map((row, index) => {
            const selectId = `split-${row.segmentId}`;
            return (
              <li key={row.segmentId} className="rounded-md border border-stone-200 p-2">
                <p className="font-serif text-sm [overflow-wrap:anywhere]">
                  <span className="mr-1 font-sans text-xs text-stone-600">¶{row.number}</span>
                  {row.text.length > 220 ? `${row.text.slice(0, 220)}…` : row.text}
                </p>
                <div className="mt-2 grid gap-2 sm:grid-cols-3">
                  <div className="flex flex-col gap-0.5">
                    <label htmlFor={selectId} className="text-xs font-medium">
                      Speaker of paragraph {row.number}
                    </label>
                    <select
                      id={selectId}
                      value={row.choice}
                      onChange={(event) => update(index, { choice: event.target.value })}
                      className="rounded border border-stone-300 bg-white px-1.5 py-1 text-sm"
                    >
                      <option value="">Keep {speaker.name}</option>
                      {others.map((item) => (
                        <option key={item.id} value={item.id}>
                          {item.name}
                          {item.outlet ? ` (${item.outlet})` : ""}
                        </option>
                      ))}
                      {typedNames
                        .filter((typed) => typed.index < index)
                        .map((typed) => (
                          <option key={typed.index} value={`typed:${typed.index}`}>
                            New: {typed.name}
                            {typed.outlet ? ` (${typed.outlet})` : ""}
                          </option>
                        ))}
                      <option value="new">New speaker…</option>
                    </select>
                  </div>
                  {row.choice === "new" ? (
                    <>
                      <div className="flex flex-col gap-0.5">
                        <label htmlFor={`${selectId}-name`} className="text-xs font-medium">
                          Name
                        </label>
                        <input
                          id={`${selectId}-name`}
                          value={row.name}
                          onChange={(event) => update(index, { name: event.target.value })}
                          className="rounded border border-stone-300 px-1.5 py-1 text-sm"
                        />
                      </div>
                      <div className="flex flex-col gap-0.5">
                        <label htmlFor={`${selectId}-outlet`} className="text-xs font-medium">
                          Outlet
                        </label>
                        <input
                          id={`${selectId}-outlet`}
                          value={row.outlet}
                          onChange={(event) => update(index, { outlet: event.target.value })}
                          className="rounded border border-stone-300 px-1.5 py-1 text-sm"
                        />
                      </div>
                    </>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
        <FormMessage message={error} tone="error" />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={isBusy || assignments.length === 0}>
            Reassign {assignments.length} paragraph{assignments.length === 1 ? "" : "s"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
