import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { absoluteUrl, getSiteName, getSiteUrl } from "@/lib/site";
import "./globals.css";

export function generateMetadata(): Metadata {
  const siteName = getSiteName();
  return {
    // Relative addresses in metadata (canonical links, share images) resolve against the public origin.
    metadataBase: new URL(getSiteUrl()),
    title: { default: siteName, template: `%s · ${siteName}` },
    description: `${siteName}: annotated transcripts of press conferences, speeches, interviews and hearings.`,
    // The files in public/ come from scripts/make-icons.ts.
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
        { url: "/icon.svg", type: "image/svg+xml" },
      ],
      apple: [{ url: "/apple-touch-icon.png", sizes: "180x180" }],
    },
    manifest: "/manifest.webmanifest",
    // The share image of every page that names none of its own; absolute, as share previews need.
    openGraph: {
      images: [{ url: absoluteUrl("/og-default.png"), width: 1200, height: 630, alt: `${siteName}: on the record` }],
    },
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
