import { getSiteName } from "@/lib/site";

export default function EmbedNotFound() {
  return (
    <div className="flex h-full flex-col justify-center rounded-lg border border-stone-300 bg-white p-4">
      <h1 className="font-serif text-lg font-bold">This transcript is not available</h1>
      <p className="mt-1 text-sm text-stone-700">It may have been unpublished from {getSiteName()}.</p>
    </div>
  );
}
