/** While the transcript loads: the editor's shape, so nothing jumps when it arrives. */
export default function Loading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading the transcript…</p>
      <div className="flex flex-col gap-2">
        <div className="h-3 w-32 animate-pulse rounded bg-stone-200" />
        <div className="h-8 w-3/4 animate-pulse rounded bg-stone-200" />
        <div className="h-4 w-1/2 animate-pulse rounded bg-stone-200" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_23rem]">
        <div className="flex flex-col gap-4">
          {Array.from({ length: 6 }, (_, index) => (
            <div key={index} className="flex flex-col gap-2">
              <div className="h-3 w-28 animate-pulse rounded bg-stone-200" />
              <div className="h-20 animate-pulse rounded-md bg-stone-200" />
            </div>
          ))}
        </div>
        <div className="hidden h-96 animate-pulse rounded-lg bg-stone-200 lg:block" />
      </div>
    </div>
  );
}
