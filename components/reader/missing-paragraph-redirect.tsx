"use client";

import { useEffect } from "react";

/** The paragraph number in a `#p-<n>` address (a text fragment after it, `#p-12:~:text=…`, is not in location.hash). */
export function paragraphInHash(hash: string): number | null {
  const found = /^#p-(\d{1,7})$/.exec(hash);
  return found ? Number(found[1]) : null;
}

/**
 * On a transcript read in parts, a `#p-<n>` link may point at a paragraph another part holds: an older link to the
 * first part, or one made before a correction moved where parts end. Then the reader is sent to the paragraph's
 * stable address (/t/<slug>/p/<n>), which redirects to the part that holds it now. Renders nothing.
 */
export function MissingParagraphRedirect({ path }: { path: string }) {
  useEffect(() => {
    const follow = () => {
      const number = paragraphInHash(window.location.hash);
      if (number !== null && !document.getElementById(`p-${number}`)) {
        window.location.replace(`${path}/p/${number}`);
      }
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [path]);
  return null;
}
