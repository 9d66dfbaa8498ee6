"use client";

import { Modal } from "./modal";
import { SHORTCUT_GROUPS } from "./shortcuts";

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} testId="shortcut-sheet" wide>
      <p className="mb-4 text-sm text-stone-700">On a Mac, use ⌘ for Ctrl and Option for Alt.</p>
      <div className="grid gap-6 md:grid-cols-2">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title}>
            <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-stone-600">{group.title}</h3>
            <dl className="flex flex-col gap-2 text-sm">
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.description} className="grid grid-cols-[8.5rem_1fr] gap-2">
                  <dt className="flex flex-wrap items-center gap-1">
                    {shortcut.keys.map((combination, index) => (
                      <span key={combination.join("+")} className="flex items-center gap-0.5">
                        {index > 0 ? <span className="px-0.5 text-stone-600">or</span> : null}
                        {combination.map((key) => (
                          <kbd
                            key={key}
                            className="rounded border border-stone-300 bg-stone-50 px-1.5 py-0.5 font-mono text-xs"
                          >
                            {key}
                          </kbd>
                        ))}
                      </span>
                    ))}
                  </dt>
                  <dd className="text-stone-800">{shortcut.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
