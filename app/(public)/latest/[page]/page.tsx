import { permanentRedirect } from "next/navigation";
import { archiveHref, parsePageParam } from "@/lib/discovery/params";

// The home page's older pages moved to the archive: old links keep working.
export default async function LatestPage({ params }: PageProps<"/latest/[page]">) {
  const page = parsePageParam((await params).page) ?? 1;
  permanentRedirect(archiveHref(page, { from: null, to: null }));
}
