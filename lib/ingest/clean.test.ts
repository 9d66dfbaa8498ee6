import { describe, expect, it } from "vitest";
import { classifyBoilerplate } from "./boilerplate";
import { cleanLines } from "./clean";
import { ingestFile } from "./pipeline";
import { sourceLine, type SourceLine } from "./source";
import { speechOf, utf8 } from "./test-support/fixtures";

function codeOf(line: string, inFooter: boolean): string | null {
  return classifyBoilerplate(line, inFooter)?.code ?? null;
}

function lines(...texts: string[]): SourceLine[] {
  return texts.map((text, index) => sourceLine({ line: index + 1, raw: text, text, block: 0 }));
}

const NO_TITLE = { title: null, dateline: null };

describe("classifyBoilerplate", () => {
  it("removes unambiguous boilerplate anywhere: rules, link placeholders, hashtag lines", () => {
    for (const rule of ["▬▬▬▬▬▬", "----", "=====", "* * *", "───────"]) expect(codeOf(rule, false)).toBe("separator");
    expect(codeOf("Visit the Official NATO Homepage: [ Link ]", false)).toBe("link-placeholder");
    expect(codeOf("Read the full statement: [ Ссылка ]", false)).toBe("link-placeholder");
    expect(codeOf("Site officiel : [ Lien ]", false)).toBe("link-placeholder");
    expect(codeOf("https://www.nato.int/cps/en/natohq/opinions_163495.htm", false)).toBe("link-placeholder");
    expect(codeOf("#NATO #DefMin #OTAN", false)).toBe("hashtags");
    expect(codeOf("SUBSCRIBE to this channel [ Link ]", false)).toBe("subscribe");
    expect(codeOf("Follow @NATO on TWITTER: [ Link ]", false)).toBe("social");
  });

  it("removes channel prompts without a link only in the footer", () => {
    for (const line of ["Subscribe for more!", "Follow us on Twitter", "Connect with NATO online:", "More videos!"]) {
      expect(codeOf(line, false)).toBeNull();
      expect(codeOf(line, true)).not.toBeNull();
    }
  });

  it("knows “more videos” in common languages", () => {
    for (const line of [
      "More videos!",
      "Plus de vidéos !",
      "Weitere Videos",
      "Más videos",
      "Altri video",
      "Mais vídeos",
      "Ещё видео!",
      "Еще видео",
    ]) {
      expect(codeOf(line, true)).toBe("more-videos");
    }
  });

  it("knows subscribe and follow prompts in other languages", () => {
    expect(codeOf("Abonnez-vous à la chaîne !", true)).toBe("subscribe");
    expect(codeOf("Подпишитесь на канал!", true)).toBe("subscribe");
    expect(codeOf("Suivez-nous sur Facebook", true)).toBe("social");
  });

  it("keeps speech that uses the same words, even in the footer", () => {
    for (const line of [
      "Follow the money, as they say.",
      "We subscribe to this view.",
      "I subscribe to that.",
      "Find the people responsible and bring them to justice.",
      "# not a hashtag line, a sentence",
      "...",
      "More than ever, we need unity.",
    ]) {
      expect(codeOf(line, true)).toBeNull();
    }
  });
});

describe("cleanLines", () => {
  it("treats only the trailing run of boilerplate as the footer", () => {
    const { kept, removed } = cleanLines(
      lines("Subscribe for more!", "We will decide in June.", "----", "Subscribe for more!", "More videos!"),
      NO_TITLE,
      new Set(),
    );
    expect(kept.map((line) => line.text)).toEqual(["Subscribe for more!", "We will decide in June."]);
    expect(removed.map((line) => [line.id, line.line, line.reasonCode])).toEqual([
      [1, 3, "separator"],
      [2, 4, "subscribe"],
      [3, 5, "more-videos"],
    ]);
  });

  it("keeps ids stable when lines are restored", () => {
    const source = lines("Good evening.", "#one #two", "Thank you.", "----", "Follow us on Instagram");
    const first = cleanLines(source, NO_TITLE, new Set());
    const second = cleanLines(source, NO_TITLE, new Set([1]));
    expect(first.removed.map((line) => line.id)).toEqual([1, 2, 3]);
    expect(second.removed).toEqual(first.removed.slice(1));
    expect(second.kept.map((line) => line.text)).toEqual(["Good evening.", "#one #two", "Thank you."]);
  });

  it("reports the title and dateline lines with the title reason code", () => {
    const { removed, kept } = cleanLines(
      lines("Budget hearing", "OSLO, 2 May 2024", "Good morning."),
      { title: 0, dateline: 1 },
      new Set(),
    );
    expect(removed.map((line) => [line.reasonCode, line.reason])).toEqual([
      ["title", "First line, used as the title."],
      ["title", "Date line under the title, used for the date and place."],
    ]);
    expect(kept.map((line) => line.text)).toEqual(["Good morning."]);
  });
});

describe("clean-up through the pipeline", () => {
  it("restores a mid-text line into its original position", async () => {
    const text = "The meeting opened at nine.\n#budget #oslo\nIt closed at noon.\n";
    const first = await ingestFile({ bytes: utf8(text), filename: "pasted.txt" });
    expect(first.removed).toEqual([
      { id: 1, line: 2, text: "#budget #oslo", reasonCode: "hashtags", reason: "Hashtags only." },
    ]);
    const restored = await ingestFile({ bytes: utf8(text), filename: "pasted.txt", restore: [1] });
    expect(speechOf(restored)).toBe("The meeting opened at nine. #budget #oslo It closed at noon.");
    expect(restored.removed).toEqual([]);
  });
});
