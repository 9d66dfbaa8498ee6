import type { ReactNode } from "react";
import "./embed.css";

// Embeds (/embed/…) sit inside an <iframe> on a news site: no site header or footer, only the card. The skip link
// of the root layout still lands on #main.
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="embed-root h-dvh p-px">
      {children}
    </main>
  );
}
