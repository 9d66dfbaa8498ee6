// `npm run seed:demo`: loads one published, annotated example into the configured database, so a new install shows
// the whole product at once: the NATO Secretary General's press conference of 14 February 2019 (the ingestion
// fixture), uploaded through the real pipeline, with its speaker described, its details filled in, a context note,
// a fact-check, two key quotes, published by an editor, then corrected once in public.
//
// Everything goes through the same functions as the desk (lib/transcripts, lib/editor, lib/publishing), as a
// "Demo Editor" account that has no password (nobody can sign in as it). Running it again changes nothing: the
// demo is found by its fixed slug. A run that stopped half-way is finished on the next one.
import fs from "node:fs";
import path from "node:path";
import { createAnnotation, type AnnotationInput } from "@/lib/editor/annotations";
import { updateMetadata } from "@/lib/editor/metadata";
import { addSpeaker, updateSpeaker } from "@/lib/editor/speakers";
import { setSpeakerFor } from "@/lib/editor/segments";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { closeIngestPool } from "@/lib/transcripts/ingest-pool";
import type { Actor } from "@/lib/permissions";
import { recordCorrection } from "@/lib/publishing/corrections";
import { transitionTranscript } from "@/lib/publishing/workflow";
import { absoluteUrl } from "@/lib/site";
import { createDraftFromUpload } from "@/lib/transcripts/create-draft";
import { issueSetupLink } from "@/lib/users/first-admin";
import { buildIngestWorker } from "./build-ingest-worker";
import { prepareDatabase } from "./prepare-database";

export const DEMO_SLUG = "nato-press-conference-2019-02-14-demo";
const FIXTURE = path.join(process.cwd(), "lib", "ingest", "fixtures", "nato-press-conference-2019-02-14.txt");
/** `.invalid` is reserved (RFC 2606): no mail to this address can ever be delivered. */
const DEMO_EDITOR = { email: "demo.editor@verbatim.invalid", name: "Demo Editor" };

const SPEAKER = { name: "Jens Stoltenberg", title: "NATO Secretary General", role: "official" } as const;
const DETAILS = {
  title: "Press conference by NATO Secretary General Jens Stoltenberg following the meetings of NATO Defence Ministers",
  summary:
    "Jens Stoltenberg on NATO–EU cooperation, the missions in Afghanistan, Iraq and Kosovo, and support for " +
    "Ukraine, at the end of two days of talks among Allied defence ministers.",
  occurredAt: "2019-02-14",
  place: "Brussels",
  sourceUrl: "https://www.nato.int/cps/en/natohq/opinions_163405.htm",
  tags: ["NATO", "Defence ministers", "Afghanistan", "Kosovo", "Ukraine"],
};

/** An annotation placed on the first occurrence of `words` in the transcript, wherever the parser put it. */
type PlannedAnnotation = Omit<AnnotationInput, "segmentId" | "start" | "end"> & { words: string };

const ANNOTATIONS: PlannedAnnotation[] = [
  {
    kind: "context",
    words: "Our Resolute Support Mission",
    body:
      "**Resolute Support** is NATO's non-combat mission in Afghanistan. It began on 1 January 2015, when the " +
      "combat mission (ISAF) ended, to train, advise and assist the Afghan security forces.",
  },
  {
    kind: "context",
    words: "transition the Kosovo Security Force into an army",
    body:
      "Kosovo's parliament voted on 14 December 2018 to turn the lightly armed Kosovo Security Force into an army. " +
      "NATO, which had helped set up the force, said the move was ill-timed and that it would review its support.",
  },
  {
    kind: "factcheck",
    words: "This year, we mark 20 years since the launch of KFOR",
    body:
      "KFOR entered Kosovo on 12 June 1999, two days after the UN Security Council adopted Resolution 1244, " +
      "which still mandates it. 2019 was its twentieth year.",
    verdict: "accurate",
    claim: "2019 marks 20 years since the launch of NATO's KFOR mission in Kosovo.",
    sources: [
      { url: "https://www.nato.int/cps/en/natohq/topics_48818.htm", title: "NATO: NATO's role in Kosovo" },
      { url: "https://undocs.org/S/RES/1244(1999)", title: "UN Security Council Resolution 1244 (1999)" },
    ],
    checker: DEMO_EDITOR.name,
  },
  {
    kind: "quote",
    words: "We are in this mission together. And we will take decisions regarding the future of the mission together.",
    body: "On a possible peace deal in Afghanistan and the future of the mission.",
  },
  {
    kind: "quote",
    words: "NATO is as determined as ever to keep our people safe in a more unpredictable world",
    body: "",
  },
];

/** The one public correction: punctuation only, so it changes nothing the Secretary General said. */
const CORRECTION = {
  before: "We also addressed our new training mission in Iraq. Which is now up and running.",
  after: "We also addressed our new training mission in Iraq, which is now up and running.",
  reason:
    "Punctuation: a full stop in the middle of a sentence about the training mission in Iraq was replaced with a " +
    "comma. The words are unchanged.",
};

class SeedRefused extends Error {}

/**
 * The Demo Editor: an editor with no password. On a database with no accounts at all, an account would end the
 * first-admin setup (which is only offered while there are none), so the demo is loaded only if the setup link
 * still works afterwards; otherwise nothing is written and the run says how to create the first admin first.
 */
async function demoEditor(): Promise<{ actor: Actor; setupLink: string | null }> {
  const existing = await db.user.findUnique({ where: { email: DEMO_EDITOR.email } });
  if (existing) {
    if (!existing.active || existing.role === "REPORTER") {
      throw new SeedRefused(
        `The ${DEMO_EDITOR.name} account (${DEMO_EDITOR.email}) is deactivated or no longer an editor; ` +
          "reactivate it as an editor in Admin to load the demo.",
      );
    }
    return { actor: { id: existing.id, role: existing.role, active: existing.active }, setupLink: null };
  }
  const firstAccount = (await db.user.count()) === 0;
  const user = await db.user.create({
    data: { email: DEMO_EDITOR.email, name: DEMO_EDITOR.name, role: "EDITOR", passwordHash: null },
  });
  let setupLink: string | null = null;
  if (firstAccount) {
    try {
      // Also cancels the link prepare-database printed a moment ago: this one is printed at the end.
      setupLink = (await issueSetupLink()).url;
    } catch (error) {
      if (!(error instanceof AppError && error.code === "CONFLICT")) throw error;
      await db.user.delete({ where: { id: user.id } });
      throw new SeedRefused(
        [
          "There is no account yet, and loading the demo now would end the first-admin setup (it is only offered",
          "while the database has no accounts). Create the first admin first, then load the demo:",
          "  ADMIN_EMAIL=you@newsroom.org ADMIN_PASSWORD='a long passphrase of your own' npm run seed:demo",
          "or `npm start`, open the setup link it prints, and run `npm run seed:demo` afterwards.",
        ].join("\n"),
      );
    }
  }
  return { actor: { id: user.id, role: user.role, active: user.active }, setupLink };
}

async function liveSegments(transcriptId: string) {
  return db.segment.findMany({
    where: { transcriptId, deletedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, text: true, speakerId: true },
  });
}

/** The paragraph holding `words` and their offsets in it; fails loudly if the fixture no longer says them. */
async function locate(transcriptId: string, words: string) {
  for (const segment of await liveSegments(transcriptId)) {
    const start = segment.text.indexOf(words);
    if (start !== -1) return { segment, start, end: start + words.length };
  }
  throw new Error(`The transcript does not contain “${words}”: has the fixture or the parser changed?`);
}

async function upload(actor: Actor): Promise<string> {
  const bytes = new Uint8Array(fs.readFileSync(FIXTURE));
  const draft = await createDraftFromUpload({
    userId: actor.id,
    input: { bytes, filename: path.basename(FIXTURE), mediaType: "text/plain" },
    title: DETAILS.title,
    // Chosen by a person (the Demo Editor), so confirmed: NATO publishes lightly edited "as delivered" texts.
    fidelity: "CLEAN_READ",
  });
  // The fixed slug first, so that a run stopped after this point is found (and finished) by the next.
  const { version } = await db.transcript.findUniqueOrThrow({ where: { id: draft.id }, select: { version: true } });
  await updateMetadata(actor, draft.id, { baseVersion: version, slug: DEMO_SLUG });
  return draft.id;
}

async function describe(actor: Actor, transcriptId: string): Promise<void> {
  const { version } = await db.transcript.findUniqueOrThrow({ where: { id: transcriptId }, select: { version: true } });
  await updateMetadata(actor, transcriptId, { baseVersion: version, ...DETAILS, fidelity: "clean_read" });

  // The parser names the speaker from the title line; whatever it found, every paragraph is his.
  const segments = await liveSegments(transcriptId);
  const speakers = await db.speaker.findMany({ where: { transcriptId }, orderBy: { position: "asc" } });
  const named = speakers.find((speaker) => speaker.name === SPEAKER.name);
  const main =
    named ??
    speakers.find((speaker) => speaker.id === segments[0]?.speakerId) ??
    (await addSpeaker(actor, transcriptId, { name: SPEAKER.name })).speaker;
  await updateSpeaker(actor, transcriptId, main.id, { ...SPEAKER });
  const others = segments.filter((segment) => segment.speakerId !== main.id).map((segment) => segment.id);
  if (others.length > 0) await setSpeakerFor(actor, transcriptId, { segmentIds: others, speakerId: main.id });
}

async function annotate(actor: Actor, transcriptId: string): Promise<void> {
  for (const { words, ...annotation } of ANNOTATIONS) {
    const kind = annotation.kind.toUpperCase() as "NOTE" | "CONTEXT" | "FACTCHECK" | "QUOTE";
    const done = await db.annotation.findFirst({ where: { transcriptId, kind, exact: words, deletedAt: null } });
    if (done) continue;
    const { segment, start, end } = await locate(transcriptId, words);
    await createAnnotation(actor, transcriptId, { ...annotation, segmentId: segment.id, start, end });
  }
}

async function correct(actor: Actor, transcriptId: string): Promise<void> {
  if ((await db.correction.count({ where: { transcriptId } })) > 0) return;
  const { segment } = await locate(transcriptId, CORRECTION.before);
  await recordCorrection(actor, transcriptId, {
    segmentId: segment.id,
    text: segment.text.replace(CORRECTION.before, CORRECTION.after),
    reason: CORRECTION.reason,
  });
}

async function main(): Promise<void> {
  await prepareDatabase();
  const found = await db.transcript.findUnique({
    where: { slug: DEMO_SLUG },
    select: { id: true, status: true, publicSlug: true, _count: { select: { corrections: true } } },
  });
  const publicUrl = absoluteUrl(`/t/${found?.publicSlug ?? DEMO_SLUG}`);
  if (found && found.status === "PUBLISHED" && found._count.corrections > 0) {
    console.log(`The demo transcript is already loaded: ${publicUrl}`);
    return;
  }
  if (found && found.status !== "DRAFT" && found.status !== "PUBLISHED") {
    console.log(
      `The demo transcript is already in the database, ${found.status.toLowerCase().replace("_", " ")}; ` +
        `left as it is. Open it in the desk: ${absoluteUrl(`/desk/transcripts/${found.id}`)}`,
    );
    return;
  }

  const { actor, setupLink } = await demoEditor();
  await buildIngestWorker({ onlyIfStale: true });
  let transcriptId = found?.id;
  if (transcriptId) console.log("Finishing the demo transcript an earlier run started…");
  else {
    console.log("Loading the NATO press conference of 14 February 2019 through the ingestion pipeline…");
    transcriptId = await upload(actor);
  }
  const { status } = await db.transcript.findUniqueOrThrow({ where: { id: transcriptId }, select: { status: true } });
  if (status === "DRAFT") {
    await describe(actor, transcriptId);
    await annotate(actor, transcriptId);
    await transitionTranscript(actor, transcriptId, {
      to: "PUBLISHED",
      note: "Demo transcript loaded by npm run seed:demo.",
    });
  }
  await correct(actor, transcriptId);

  const published = await db.transcript.findUniqueOrThrow({
    where: { id: transcriptId },
    select: { publicSlug: true, _count: { select: { annotations: { where: { deletedAt: null } } } } },
  });
  console.log(
    [
      `Published “${DETAILS.title}”, with ${published._count.annotations} annotations and one correction, ` +
        `as ${DEMO_EDITOR.name} (${DEMO_EDITOR.email}, no password: nobody can sign in as it).`,
      `Read it at ${absoluteUrl(`/t/${published.publicSlug}`)} (start the server with \`npm start\`).`,
      ...(setupLink
        ? [
            "",
            "No admin yet: open this one-time link to create the first admin (it replaces the one above):",
            setupLink,
          ]
        : []),
    ].join("\n"),
  );
}

if (require.main === module) {
  main()
    .then(async () => {
      await closeIngestPool();
      await db.$disconnect();
      process.exit(0);
    })
    .catch((error: unknown) => {
      if (error instanceof SeedRefused) {
        console.error(error.message);
        process.exit(2);
      }
      const message = error instanceof AppError ? `${error.message} (${error.code})` : String(error);
      console.error(
        `Could not load the demo: ${error instanceof Error && !(error instanceof AppError) ? (error.stack ?? message) : message}`,
      );
      process.exit(1);
    });
}
