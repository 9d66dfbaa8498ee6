import { describe, expect, it } from "vitest";
import { displayName, parseSpeakerLabel, SpeakerDirectory, speakerFromTitle, speakerFromVoice } from "./speakers";

function named(line: string) {
  const label = parseSpeakerLabel(line);
  return label?.kind === "named" ? { ...label.speaker, rest: label.rest } : label;
}

describe("parseSpeakerLabel", () => {
  it("reads NAME: in capitals, title-casing the name", () => {
    expect(named("JENS STOLTENBERG: Good afternoon.")).toEqual({
      name: "Jens Stoltenberg",
      title: null,
      role: null,
      outlet: null,
      rest: "Good afternoon.",
    });
  });

  it("reads a mixed-case name, and a label alone on its line", () => {
    expect(named("Jens Stoltenberg: Thank you.")).toMatchObject({ name: "Jens Stoltenberg", rest: "Thank you." });
    expect(named("URSULA VON DER LEYEN:")).toMatchObject({ name: "Ursula von der Leyen", rest: "" });
  });

  it("reads Q:, QUESTION: and A:", () => {
    expect(named("Q: Will you stay?")).toMatchObject({ name: "Question", role: "questioner", rest: "Will you stay?" });
    expect(named("QUESTION: Will you stay?")).toMatchObject({ name: "Question", role: "questioner" });
    expect(parseSpeakerLabel("A: I will.")).toEqual({ kind: "answer", rest: "I will." });
  });

  it("reads MODERATOR: as the moderator", () => {
    expect(named("MODERATOR: Next question.")).toMatchObject({ name: "Moderator", role: "moderator" });
  });

  it("reads >> NAME:, and >> alone as an unnamed change of speaker", () => {
    expect(named(">> MARIA KASK: Yes.")).toMatchObject({ name: "Maria Kask", rest: "Yes." });
    expect(parseSpeakerLabel(">> And the cost?")).toEqual({ kind: "unnamed", rest: "And the cost?" });
  });

  it("reads [NAME] but not [APPLAUSE] or [ Link ]", () => {
    expect(named("[JOHN OKAFOR] We are ready.")).toMatchObject({ name: "John Okafor", rest: "We are ready." });
    expect(parseSpeakerLabel("[APPLAUSE] Thank you.")).toBeNull();
    expect(parseSpeakerLabel("[ Link ]")).toBeNull();
  });

  it("reads Name (Outlet): as a questioner, and Name (Title): as an official", () => {
    expect(named("Anna Berg (Postimees): Minister?")).toMatchObject({
      name: "Anna Berg",
      role: "questioner",
      outlet: "Postimees",
      title: null,
    });
    expect(named("Oana Lungescu (NATO Spokesperson): Good afternoon.")).toMatchObject({
      name: "Oana Lungescu",
      role: "official",
      title: "NATO Spokesperson",
      outlet: null,
    });
  });

  it("separates a title before the name", () => {
    expect(named("NATO Secretary General Jens Stoltenberg: Thank you.")).toMatchObject({
      name: "Jens Stoltenberg",
      title: "NATO Secretary General",
      role: "official",
    });
    expect(named("JENS STOLTENBERG, NATO SECRETARY GENERAL: Thank you.")).toMatchObject({
      name: "Jens Stoltenberg",
      title: "Nato Secretary General",
      role: "official",
    });
  });

  it("reads SPEAKER 1: style labels", () => {
    expect(named("SPEAKER 1: Hello.")).toMatchObject({ name: "Speaker 1", role: "speaker" });
  });

  it("does not join the end of a sentence and a name into one label, but reads abbreviations before a name", () => {
    expect(parseSpeakerLabel("Dmytro Kuleba. Tomas Novak (Czech Radio): Can you tell us?")).toBeNull();
    expect(parseSpeakerLabel("the World Bank. Paolo Ferri (ANSA): How many?")).toBeNull();
    expect(named("Dr. Ana Lopes: Thank you.")).toMatchObject({ name: "Ana Lopes", title: "Dr." });
    expect(named("U.S. Ambassador Julianne Smith: Thank you.")).toMatchObject({ name: "Julianne Smith" });
  });

  it("is not fooled by colons in ordinary sentences", () => {
    for (const line of [
      "Note: the following figures are provisional.",
      "He said: we will stay.",
      "The question is simple: will Allies pay?",
      "Editor’s note: times are approximate.",
      "PRESS CONFERENCE: NATO DEFENCE MINISTERS",
      "Kosovo: the mission continues.",
      "At 10:30 we resumed.",
      "See https://www.nato.int for the text.",
      "Our message to the Kremlin, to Moscow and to everyone who will listen is this: we stand united.",
    ]) {
      expect(parseSpeakerLabel(line)).toBeNull();
    }
  });
});

describe("speakerFromTitle", () => {
  it("finds the official named in a press-conference title", () => {
    expect(
      speakerFromTitle(
        "Press conference by NATO Secretary General Jens Stoltenberg following the meetings of NATO Defence Ministers",
      ),
    ).toEqual({ name: "Jens Stoltenberg", title: "NATO Secretary General", role: "official", outlet: null });
  });

  it("handles Title Case titles and names without a job title", () => {
    expect(speakerFromTitle("Press Conference By NATO Secretary General Jens Stoltenberg")?.name).toBe(
      "Jens Stoltenberg",
    );
    expect(speakerFromTitle("Interview with Emmanuel Macron")).toEqual({
      name: "Emmanuel Macron",
      title: null,
      role: "speaker",
      outlet: null,
    });
  });

  it("finds no one in a title that names no person", () => {
    expect(speakerFromTitle("Press briefing on the Baltic air policing mission")).toBeNull();
    expect(speakerFromTitle("Meeting of NATO Defence Ministers")).toBeNull();
    expect(speakerFromTitle("Briefing on the winter flood response, Rotterdam")).toBeNull();
  });
});

describe("speakerFromVoice", () => {
  it("trusts the format's voice names, tidying capitals and reading roles", () => {
    expect(speakerFromVoice("MODERATOR")).toMatchObject({ name: "Moderator", role: "moderator" });
    expect(speakerFromVoice("SPEAKER_00")).toMatchObject({ name: "Speaker 0", role: "speaker" });
    expect(speakerFromVoice("Dr. Ana Lopes")).toEqual({ name: "Ana Lopes", title: "Dr.", role: null, outlet: null });
    expect(speakerFromVoice("ana lopes")).toMatchObject({ name: "ana lopes" });
  });
});

describe("displayName", () => {
  it("title-cases names written in capitals, keeping particles and apostrophes right", () => {
    expect(displayName("JENS STOLTENBERG")).toBe("Jens Stoltenberg");
    expect(displayName("MARY O’BRIEN-SMITH")).toBe("Mary O’Brien-Smith");
    expect(displayName("CHARLES DE GAULLE")).toBe("Charles de Gaulle");
    expect(displayName("Lotte de Vries")).toBe("Lotte de Vries");
  });
});

describe("SpeakerDirectory", () => {
  it("merges spellings of one name, and a surname into the one full name that ends with it", () => {
    const directory = new SpeakerDirectory();
    const full = directory.add({
      name: "Jens Stoltenberg",
      title: "NATO Secretary General",
      role: "official",
      outlet: null,
    });
    const capitals = directory.add({ name: "JENS  STOLTENBERG", title: null, role: null, outlet: null });
    const surname = directory.add({ name: "Stoltenberg", title: null, role: null, outlet: null });
    expect(capitals).toBe(full);
    const resolved = directory.resolve().byKey;
    expect(resolved.get(surname)).toBe(resolved.get(full));
    expect(resolved.get(full)).toMatchObject({ name: "Jens Stoltenberg", role: "official" });
  });

  it("leaves a surname alone when two people share it", () => {
    const directory = new SpeakerDirectory();
    directory.add({ name: "Anna Berg", title: null, role: null, outlet: null });
    directory.add({ name: "Olaf Berg", title: null, role: null, outlet: null });
    const surname = directory.add({ name: "Berg", title: null, role: null, outlet: null });
    expect(directory.resolve().byKey.get(surname)?.name).toBe("Berg");
  });
});
