import type { MetadataRoute } from "next";
import { getSiteName } from "@/lib/site";

/** The web app manifest (/manifest.webmanifest): the name and icons a phone shows for Verbatim on its home screen. */
export default function manifest(): MetadataRoute.Manifest {
  const siteName = getSiteName();
  return {
    name: siteName,
    short_name: siteName,
    description: `${siteName}: annotated transcripts of press conferences, speeches, interviews and hearings.`,
    start_url: "/",
    scope: "/",
    // Keeps the address and back button: readers share links.
    display: "minimal-ui",
    background_color: "#fcfbf8",
    theme_color: "#fcfbf8",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      // The mark sits inside the middle 80%, so the square survives any mask a launcher applies.
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
