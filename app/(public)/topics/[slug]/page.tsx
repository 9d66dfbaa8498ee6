import type { Metadata } from "next";
import { EntityPage, entityMetadata } from "@/components/public/entity-page";

// Its transcripts are split into pages (?page=N), so the page is rendered per request; its reads come from a cache
// that publishing, corrections and unpublishing expire (lib/discovery/queries.ts).
export const revalidate = 300;

export function generateMetadata(props: PageProps<"/topics/[slug]">): Promise<Metadata> {
  return entityMetadata("TOPIC", props);
}

export default function TopicPage(props: PageProps<"/topics/[slug]">) {
  return <EntityPage type="TOPIC" {...props} />;
}
