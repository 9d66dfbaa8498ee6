import Link from "next/link";
import { SiteFooter, SiteHeader } from "@/components/public/site-header";

export default function NotFound() {
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-16">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent">404</p>
        <h1 className="mt-2 font-serif text-3xl font-bold">We can’t find that page</h1>
        <p className="mt-4 text-stone-700">It may have been moved or unpublished, or the address may be mistyped.</p>
        <p className="mt-6">
          <Link href="/" className="font-medium text-accent underline underline-offset-2">
            Go to the latest transcripts
          </Link>
        </p>
      </main>
      <SiteFooter />
    </div>
  );
}
