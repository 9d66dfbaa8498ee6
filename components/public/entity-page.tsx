// The topic, person, organisation and place pages: one page, four address folders (lib/discovery/params.ts).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ScopedSearchForm } from "@/components/public/scoped-search-form";
import { TranscriptList } from "@/components/public/transcript-list";
import { entityPath, pagedHref, parseIndexSlug, parsePageParam, speakerPath } from "@/lib/discovery/params";
import { getEntity, getEntityTranscripts } from "@/lib/discovery/queries";
import type { EntityType } from "@/lib/generated/prisma/enums";
import { getSiteName } from "@/lib/site";
import { feedAlternateTypes } from "@/lib/feeds/links";

export interface EntityPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const KIND: Record<EntityType, string> = { TOPIC: "Topic", PERSON: "Person", ORG: "Organisation", PLACE: "Place" };

async function loadEntity(type: EntityType, params: EntityPageProps["params"]) {
  const slug = parseIndexSlug((await params).slug);
  const entity = slug ? await getEntity(type, slug) : null;
  if (!entity) notFound();
  return entity;
}

export async function entityMetadata(type: EntityType, { params, searchParams }: EntityPageProps): Promise<Metadata> {
  const entity = await loadEntity(type, params);
  const page = parsePageParam((await searchParams).page) ?? 1;
  const path = entityPath(type, entity.slug);
  const count = `${entity.transcriptCount} published ${entity.transcriptCount === 1 ? "transcript" : "transcripts"}`;
  return {
    title: page > 1 ? `${entity.name}, page ${page}` : entity.name,
    description: `${entity.name}: ${count} on ${getSiteName()}, newest first.`,
    alternates: {
      canonical: pagedHref(path, page),
      // The site's feeds, and a topic's own (/topics/[slug]/feed.xml); other entities have none.
      types: feedAlternateTypes([
        { scope: { kind: "site" }, title: getSiteName() },
        ...(type === "TOPIC"
          ? [{ scope: { kind: "topic" as const, slug: entity.slug }, title: `${getSiteName()}: ${entity.name}` }]
          : []),
      ]),
    },
  };
}

export async function EntityPage({ type, params, searchParams }: EntityPageProps & { type: EntityType }) {
  const entity = await loadEntity(type, params);
  const page = parsePageParam((await searchParams).page);
  if (!page) notFound();
  const transcripts = await getEntityTranscripts(type, entity.slug, page);
  if (page > transcripts.pageCount) notFound();
  const path = entityPath(type, entity.slug);
  return (
    <div className="flex flex-col gap-8">
      <header className="flex max-w-3xl flex-col gap-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-stone-700">{KIND[type]}</p>
        <h1 className="font-serif text-4xl font-bold tracking-tight [overflow-wrap:anywhere]">{entity.name}</h1>
        <p className="text-sm text-stone-700">
          In {entity.transcriptCount} published {entity.transcriptCount === 1 ? "transcript" : "transcripts"}.
          {entity.speakerSlug ? (
            <>
              {" "}
              <Link href={speakerPath(entity.speakerSlug)} className="text-accent underline underline-offset-2">
                What {entity.name} said
              </Link>
              .
            </>
          ) : null}
        </p>
        <ScopedSearchForm id="entity-search" label="Search within these transcripts" scope={{ topic: entity.slug }} />
      </header>
      <section aria-labelledby="transcripts-title">
        <h2 id="transcripts-title" className="border-b border-stone-300 pb-2 font-serif text-2xl font-semibold">
          Transcripts
        </h2>
        <TranscriptList
          page={transcripts}
          hrefOf={(n) => pagedHref(path, n)}
          label={`More transcripts about ${entity.name}`}
        />
      </section>
    </div>
  );
}
