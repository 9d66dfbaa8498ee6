import type { EditorSpeaker } from "@/lib/editor/types";

/** A labelled choice of the transcript's speakers, or none: one paragraph's toolbar and the bulk bar share it. */
export function SpeakerSelect({
  id,
  value,
  speakers,
  onChange,
  className = "max-w-48",
}: {
  id: string;
  value: string;
  speakers: readonly EditorSpeaker[];
  onChange: (speakerId: string) => void;
  className?: string;
}) {
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-stone-800">
        Speaker
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={`${className} rounded border border-stone-300 bg-white px-1.5 py-1 text-sm text-ink`}
      >
        <option value="">Unattributed</option>
        {speakers.map((speaker) => (
          <option key={speaker.id} value={speaker.id}>
            {speaker.name}
          </option>
        ))}
      </select>
    </div>
  );
}
