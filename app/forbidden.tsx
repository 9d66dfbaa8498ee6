import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">403</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">You don’t have access to this page</h1>
      <p className="mt-4 text-stone-700">
        Your role does not include it. If you need it for your work, ask an admin to change your role.
      </p>
      <p className="mt-6">
        <Link href="/desk" className="font-medium text-accent underline underline-offset-2">
          Back to the desk
        </Link>
      </p>
    </main>
  );
}
