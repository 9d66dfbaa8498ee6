import Link from "next/link";
import { getSiteName } from "@/lib/site";

export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white/80">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-4">
        <Link href="/" className="font-serif text-2xl font-bold tracking-tight text-ink">
          {getSiteName()}
        </Link>
        <nav aria-label="Site" className="no-print">
          <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm sm:gap-x-5 font-medium text-stone-700">
            <li>
              <Link href="/transcripts" className="hover:text-accent">
                Transcripts
              </Link>
            </li>
            <li>
              <Link href="/speakers" className="hover:text-accent">
                Speakers
              </Link>
            </li>
            <li>
              <Link href="/search" className="hover:text-accent">
                Search
              </Link>
            </li>
            <li>
              <Link href="/corrections" className="hover:text-accent">
                Corrections
              </Link>
            </li>
            <li>
              <Link href="/signin" className="hover:text-accent">
                Staff sign-in
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="no-print mt-16 border-t border-stone-200">
      <div className="mx-auto flex max-w-5xl flex-col gap-1 px-4 py-8 text-sm text-stone-600 sm:flex-row sm:justify-between">
        <p>© {getSiteName()}. Every transcript names its source and how faithfully it was transcribed.</p>
        <p>
          <Link href="/signin" className="hover:text-accent">
            Staff sign-in
          </Link>
        </p>
      </div>
    </footer>
  );
}
