import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { CorrectionsLog } from "@/components/public/corrections-log";
import { getPublicCorrections } from "@/lib/publishing/public-queries";

// Older pages of /corrections: rendered on first visit, then cached like it.
export const dynamicParams = true;
// Shared caches (a CDN) keep it at most this long: the server's own copy is expired by tag the moment it changes.
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<"/corrections/page/[page]">): Promise<Metadata> {
  return { title: `Corrections, page ${(await params).page}` };
}

export default async function OlderCorrectionsPage({ params }: PageProps<"/corrections/page/[page]">) {
  const value = (await params).page;
  const number = /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null;
  if (!number) notFound();
  if (number === 1) redirect("/corrections");
  const page = await getPublicCorrections(number);
  if (page.items.length === 0) notFound();
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="font-serif text-4xl font-bold tracking-tight">Corrections, page {number}</h1>
      <CorrectionsLog page={page} />
    </div>
  );
}
