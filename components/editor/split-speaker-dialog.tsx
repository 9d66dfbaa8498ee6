"use client";

import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SPEAKER_PARAGRAPHS_PAGE } from "@/lib/editor/paging";
import type { EditorSegment, EditorSpeaker } from "@/lib/editor/types";
import type { SpeakerAssignment } from "./api";
import type { EditorController } from "./editor-controller";
import { Modal } from "./modal";

interface Row {
  segmentId: string;
  number: number;
  text: string;
  /**
   * "" keeps the speaker; an id picks an existing speaker; "new" asks for a name; "typed:<segmentId>" reuses the new
   * name typed in that paragraph's row.
   */
  choice: string;
  name: string;
  outlet: string;
}

const TYPED = "typed:";
const count = (value: number) => value.toLocaleString("en-GB");

/** "Question speaks 240 paragraphs; the first 100 are listed." */
function listedSentence(name: string, total: number | null, listed: number, isLoading: boolean): string {
  if (total === null) return isLoading ? `Finding ${name}'s paragraphs…` : "";
  if (total === 0) return `No paragraph has ${name} as its speaker.`;
  const speaks = `${name} speaks ${count(total)} paragraph${total === 1 ? "" : "s"}`;
  return listed < total ? `${speaks}; the first ${count(listed)} are listed.` : `${speaks}.`;
}

/**
 * Turns one speaker into several, paragraph by paragraph: a generic "Question" becomes the journalists who asked,
 * each with a name and an outlet. A name typed once is offered in the rows below it. The speaker's paragraphs come
 * from the server, a page at a time, so those the editor has not loaded yet are listed too.
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
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [isBusy, setIsBusy] = useState(false);
  const others = speakers.filter((item) => item.id !== speaker.id);

  /** A page of the speaker's paragraphs, added after those listed; text typed here and not saved yet shows. */
  const receive = useCallback(
    (response: Awaited<ReturnType<EditorController["api"]["speakerParagraphs"]>>) => {
      setIsLoading(false);
      if (!response.ok) {
        setError(response.message);
        return;
      }
      const textOf = (segment: EditorSegment) => controller.store.getEntry(segment.id)?.draft ?? segment.text;
      setTotal(response.body.total);
      setRows((current) => {
        const listed = new Set(current.map((row) => row.segmentId));
        const added = response.body.segments
          .filter((segment) => !listed.has(segment.id))
          .map((segment) => ({
            segmentId: segment.id,
            number: segment.position + 1,
            text: textOf(segment),
            choice: "",
            name: "",
            outlet: "",
          }));
        return [...current, ...added];
      });
    },
    [controller],
  );

  useEffect(() => {
    let isOpen = true;
    void controller.api.speakerParagraphs(speaker.id, 0, SPEAKER_PARAGRAPHS_PAGE).then((response) => {
      if (isOpen) receive(response);
    });
    return () => {
      isOpen = false;
    };
  }, [controller, speaker.id, receive]);

  async function showMore() {
    setIsLoading(true);
    receive(await controller.api.speakerParagraphs(speaker.id, rows.length, SPEAKER_PARAGRAPHS_PAGE));
  }

  const typedNames = useMemo(
    () =>
      rows.flatMap((row, index) =>
        row.choice === "new" && row.name.trim()
          ? [{ index, segmentId: row.segmentId, name: row.name.trim(), outlet: row.outlet.trim() }]
          : [],
      ),
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
    if (row.choice.startsWith(TYPED)) {
      const source = rows.find((other) => other.segmentId === row.choice.slice(TYPED.length));
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
    // Paragraphs the editor has not loaded yet come with their page, as they are now.
    response.body.segments.forEach((segment) => controller.store.acceptOwnChange(segment));
    onDone(response.body.speakers);
    controller.say(`${count(assignments.length)} paragraph(s) given to other speakers.`);
    onClose();
  }

  return (
    <Modal title={`Split ${speaker.name}`} onClose={onClose} testId="split-speaker" wide>
      <form onSubmit={submit} className="flex flex-col gap-4">
        <p className="text-sm text-stone-700">
          For each paragraph, keep {speaker.name}, pick another speaker, or name a new one (with their outlet, for a
          journalist). A new name typed once is offered in the rows below.
        </p>
        <p className="text-sm font-medium" role="status">
          {listedSentence(speaker.name, total, rows.length, isLoading)}
        </p>
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
                          <option key={typed.segmentId} value={`${TYPED}${typed.segmentId}`}>
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
        {total !== null && rows.length < total ? (
          <div>
            <Button variant="secondary" disabled={isLoading} onClick={() => void showMore()}>
              {isLoading
                ? "Loading…"
                : `Show ${count(Math.min(SPEAKER_PARAGRAPHS_PAGE, total - rows.length))} more paragraphs`}
            </Button>
          </div>
        ) : null}
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
