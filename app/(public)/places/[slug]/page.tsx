import type { Metadata } from "next";
import { EntityPage, entityMetadata } from "@/components/public/entity-page";

// Its transcripts are split into pages (?page=N), so the page is rendered per request; its reads come from a cache
// that publishing, corrections and unpublishing expire (lib/discovery/queries.ts).
export const revalidate = 300;

export function generateMetadata(props: PageProps<"/places/[slug]">): Promise<Metadata> {
  return entityMetadata("PLACE", props);
}

export default function PlacePage(props: PageProps<"/places/[slug]">) {
  return <EntityPage type="PLACE" {...props} />;
}
