// The desk's embed codes, from what readers see: the codes point at the published transcript and its key quotes.
import { getPublicTranscript } from "@/lib/publishing/public-queries";
import { getSiteUrl } from "@/lib/site";
import { embedCodesFor, type EmbedCodes } from "./embed-code";

/** Null unless the transcript at this public path (`/t/<slug>`) is published now. */
export async function loadEmbedCodes(publicPath: string): Promise<EmbedCodes | null> {
  const slug = publicPath.replace(/^\/t\//, "");
  const transcript = await getPublicTranscript(slug);
  return transcript ? embedCodesFor(transcript, getSiteUrl()) : null;
}
