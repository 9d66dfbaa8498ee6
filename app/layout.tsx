import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getSiteName } from "@/lib/site";
import "./globals.css";

export function generateMetadata(): Metadata {
  const siteName = getSiteName();
  return {
    title: { default: siteName, template: `%s · ${siteName}` },
    description: `${siteName}: annotated transcripts of press conferences, speeches, interviews and hearings.`,
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#fcfbf8" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
