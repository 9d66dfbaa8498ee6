import type { ReactNode } from "react";
import { getSiteName } from "@/lib/site";

// Preview links (/preview/<token>) are for people outside the staff: the newsroom's name and the page, without the
// public site's navigation, feeds or search, so nothing here leads a reader to think it is published.
export default function PreviewLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-stone-200 bg-white/80">
        <p className="mx-auto max-w-5xl px-4 py-4 font-serif text-2xl font-bold tracking-tight text-ink">
          {getSiteName()}
        </p>
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
        {children}
      </main>
    </div>
  );
}
