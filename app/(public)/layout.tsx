import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter, SiteHeader } from "@/components/public/site-header";
import { siteFeedAlternateTypes } from "@/lib/feeds/links";
import { getSiteName } from "@/lib/site";

/** Feed autodiscovery on every public page (a page that sets its own `alternates` must spread these in again). */
export function generateMetadata(): Metadata {
  return { alternates: { types: siteFeedAlternateTypes(getSiteName()) } };
}

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
