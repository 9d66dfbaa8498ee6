import Link from "next/link";

/** The 404's words, without the site's header and footer: the pages around it bring those. */
export function NotFoundMessage() {
  return (
    <div className="mx-auto w-full max-w-3xl py-6">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">404</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">We can’t find that page</h1>
      <p className="mt-4 text-stone-700">It may have been moved or unpublished, or the address may be mistyped.</p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-accent underline underline-offset-2">
          Go to the latest transcripts
        </Link>
      </p>
    </div>
  );
}
