/** The sentence a form says after submitting; announced politely by screen readers. */
export function FormMessage({ message, tone }: { message?: string; tone: "error" | "success" }) {
  return (
    <div aria-live="polite" role="status" className="min-h-0">
      {message ? (
        <p
          data-testid={`form-${tone}`}
          className={`rounded-md border px-3 py-2 text-sm ${
            tone === "error"
              ? "border-red-200 bg-red-50 text-red-800"
              : "border-emerald-200 bg-emerald-50 text-emerald-900"
          }`}
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}
