import Link from "next/link";

/** A transcript that is missing or not this person's to see, inside the desk's own header and main (StaffShell). */
export default function StaffNotFound() {
  return (
    <div className="mx-auto w-full max-w-3xl py-6">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">404</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">We can’t find that page</h1>
      <p className="mt-4 text-stone-700">
        It may have been deleted, it may not be yours to see, or the address may be mistyped.
      </p>
      <p className="mt-6">
        <Link href="/desk" className="font-medium text-accent underline underline-offset-2">
          Go to the desk
        </Link>
      </p>
    </div>
  );
}
