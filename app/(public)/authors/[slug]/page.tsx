import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthorTranscripts } from "@/components/public/author-transcripts";
import { getAuthor, getAuthorTranscripts } from "@/lib/discovery/authors";
import { pagedHref, parseIndexSlug, parsePageParam } from "@/lib/discovery/params";
import { feedAlternateTypes, feedPaths } from "@/lib/feeds/links";
import { authorPath } from "@/lib/publishing/credits";
import { getSiteName } from "@/lib/site";

// Its transcripts are split into pages (?page=N), so the page is rendered per request; its reads come from a cache
// that publishing, corrections, unpublishing and profile changes expire (lib/discovery/authors.ts).
export const revalidate = 300;

async function loadAuthor(params: PageProps<"/authors/[slug]">["params"]) {
  const slug = parseIndexSlug((await params).slug);
  // Opted out, deactivated, or credited on nothing published: no page.
  const author = slug ? await getAuthor(slug) : null;
  if (!author) notFound();
  return author;
}

function countOf(count: number): string {
  return `${count} published ${count === 1 ? "transcript" : "transcripts"}`;
}

export async function generateMetadata({ params, searchParams }: PageProps<"/authors/[slug]">): Promise<Metadata> {
  const author = await loadAuthor(params);
  const page = parsePageParam((await searchParams).page) ?? 1;
  return {
    title: page > 1 ? `${author.name}, page ${page}` : author.name,
    description: author.bio ?? `${author.name} worked on ${countOf(author.transcriptCount)} on ${getSiteName()}.`,
    alternates: {
      canonical: pagedHref(authorPath(author.slug), page),
      types: feedAlternateTypes([
        { scope: { kind: "site" }, title: getSiteName() },
        { scope: { kind: "author", slug: author.slug }, title: `${getSiteName()}: ${author.name}` },
      ]),
    },
  };
}

export default async function AuthorPage({ params, searchParams }: PageProps<"/authors/[slug]">) {
  const author = await loadAuthor(params);
  const page = parsePageParam((await searchParams).page);
  if (!page) notFound();
  const transcripts = await getAuthorTranscripts(author.userId, page);
  if (page > transcripts.pageCount) notFound();
  const feeds = feedPaths({ kind: "author", slug: author.slug });
  return (
    <div className="flex flex-col gap-8">
      <header className="flex max-w-3xl flex-col gap-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-stone-700">{getSiteName()} newsroom</p>
        <h1 className="font-serif text-4xl font-bold tracking-tight [overflow-wrap:anywhere]">{author.name}</h1>
        {author.bio ? (
          <p className="whitespace-pre-line text-lg text-stone-800 [overflow-wrap:anywhere]">{author.bio}</p>
        ) : null}
        <p className="text-sm text-stone-700">
          Worked on {countOf(author.transcriptCount)}. Their feed:{" "}
          <a href={feeds.rss} className="text-accent underline underline-offset-2">
            RSS
          </a>{" "}
          ·{" "}
          <a href={feeds.atom} className="text-accent underline underline-offset-2">
            Atom
          </a>
        </p>
      </header>
      <section aria-labelledby="transcripts-title">
        <h2 id="transcripts-title" className="border-b border-stone-300 pb-2 font-serif text-2xl font-semibold">
          Transcripts
        </h2>
        <AuthorTranscripts
          page={transcripts}
          hrefOf={(n) => pagedHref(authorPath(author.slug), n)}
          label={`More transcripts by ${author.name}`}
        />
      </section>
    </div>
  );
}
