"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, closes on Escape and returns focus to
 * where it was. Rendered only while open.
 */
export function Modal({
  title,
  onClose,
  children,
  testId,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener("cancel", onCancel);
    return () => {
      dialog.removeEventListener("cancel", onCancel);
      if (dialog.open) dialog.close();
      if (previous?.isConnected) previous.focus({ preventScroll: true });
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-modal="true"
      data-testid={testId}
      className={`m-auto max-h-[90dvh] w-[calc(100%-1rem)] overflow-y-auto rounded-lg border border-stone-200 bg-white p-0 text-ink shadow-xl backdrop:bg-stone-900/40 ${
        wide ? "max-w-3xl" : "max-w-lg"
      }`}
    >
      <div className="flex items-start justify-between gap-4 border-b border-stone-200 px-4 py-3">
        <h2 id={titleId} className="font-serif text-xl font-bold">
          {title}
        </h2>
        <button
          type="button"
          onClick={() => onCloseRef.current()}
          className="rounded px-2 py-1 text-sm font-medium text-stone-700 hover:bg-stone-100"
          aria-label="Close"
        >
          Close
        </button>
      </div>
      <div className="px-4 py-4">{children}</div>
    </dialog>
  );
}
