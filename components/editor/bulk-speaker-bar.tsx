"use client";

import { useId, useState } from "react";
import type { EditorSpeaker } from "@/lib/editor/types";
import type { EditorController } from "./editor-controller";
import { SpeakerSelect } from "./speaker-select";

const TOOL_BUTTON =
  "rounded-md border border-stone-300 bg-white px-2.5 py-1 text-sm font-medium text-ink hover:bg-stone-100 disabled:cursor-not-allowed disabled:text-stone-500";

/** With paragraphs ticked (Shift-click for a range): one speaker for all of them. */
export function BulkSpeakerBar({
  controller,
  speakers,
  checked,
  onClear,
  onDone,
}: {
  controller: EditorController;
  speakers: EditorSpeaker[];
  checked: ReadonlySet<string>;
  onClear: () => void;
  onDone: () => void;
}) {
  const id = useId();
  const [speakerId, setSpeakerId] = useState("");
  const [isBusy, setIsBusy] = useState(false);
  const count = checked.size;

  async function apply() {
    setIsBusy(true);
    const ids = controller.store.getStructure().order.filter((segmentId) => checked.has(segmentId));
    const isDone = await controller.setSpeaker(ids, speakerId === "" ? null : speakerId);
    setIsBusy(false);
    if (isDone) {
      const name = speakers.find((speaker) => speaker.id === speakerId)?.name ?? "Unattributed";
      controller.say(`${ids.length} paragraph(s) now ${name}.`);
      onClear();
    }
  }

  return (
    <div
      className="flex flex-wrap items-end gap-2 rounded-md border border-rose-200 bg-rose-50 p-2 text-sm"
      role="group"
      aria-label="Selected paragraphs"
    >
      <p className="self-center font-medium">
        {count} selected <span className="font-normal text-stone-700">(Shift-click a box to select a range)</span>
      </p>
      <SpeakerSelect
        id={`${id}-speaker`}
        value={speakerId}
        speakers={speakers}
        onChange={setSpeakerId}
        className="max-w-52"
      />
      <button type="button" className={TOOL_BUTTON} disabled={count === 0 || isBusy} onClick={() => void apply()}>
        Set speaker for {count} paragraph{count === 1 ? "" : "s"}
      </button>
      <button type="button" className={TOOL_BUTTON} disabled={count === 0} onClick={onClear}>
        Clear
      </button>
      <button type="button" className={TOOL_BUTTON} onClick={onDone}>
        Done
      </button>
    </div>
  );
}
