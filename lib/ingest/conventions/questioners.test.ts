import { describe, expect, it } from "vitest";
import { readSpeakerConvention } from ".";
import { introducedQuestioner, readsAsFollowUp } from "./questioners";
import { linesOf } from "./test-support";

describe("introducedQuestioner", () => {
  it("reads a name and outlet at the start of a question, in the ways reporters say them", () => {
    expect(introducedQuestioner("Ana Ribeiro, Público. Is the United States in contact with Qatar?")).toEqual({
      name: "Ana Ribeiro",
      title: null,
      role: "questioner",
      outlet: "Público",
    });
    expect(introducedQuestioner("Marta Kowalczyk from Polish Radio, thank you. Will the aid…")).toMatchObject({
      name: "Marta Kowalczyk",
      outlet: "Polish Radio",
    });
    expect(introducedQuestioner("Hi, Tom Jones with Reuters. Does the administration…")).toMatchObject({
      name: "Tom Jones",
      outlet: "Reuters",
    });
    expect(introducedQuestioner("Thanks, Karine. Lena Fischer, Deutsche Welle. Will the visit…")).toMatchObject({
      name: "Lena Fischer",
      outlet: "Deutsche Welle",
    });
    expect(introducedQuestioner("Good afternoon. I'm Jan de Vries with the NRC. A question on…")).toMatchObject({
      name: "Jan de Vries",
      outlet: "NRC",
    });
  });

  it("does not take an address, a title or a sentence for an introduction", () => {
    for (const text of [
      "Thank you, Karine. How many Americans are among the hostages?",
      "Mr. President, Ukraine says it needs more air defence.",
      "Secretary Blinken, Moscow has said it will respond.",
      "Prime Minister Tusk, will Poland send more troops?",
      "John, will there be any conditions on the aid?",
      "On the evacuation, are charter flights being considered?",
      "Tom Jones with Reuters and I wanted to ask about the aid.",
    ]) {
      expect(introducedQuestioner(text), text).toBeNull();
    }
  });
});

describe("follow-ups", () => {
  it("reads the openings of a follow-up, not of a new question", () => {
    for (const text of ["And just to follow up, has he spoken?", "But are you looking?", "So does that mean…"]) {
      expect(readsAsFollowUp(text), text).toBe(true);
    }
    expect(readsAsFollowUp("Quick follow-up on that.")).toBe(true);
    expect(readsAsFollowUp("Is the carrier group a message to Iran?")).toBe(false);
    expect(readsAsFollowUp("On the storms, will he visit?")).toBe(false);
  });

  it("credits a follow-up to the questioner answered just before, and nothing further", () => {
    const lines = linesOf(
      [
        "MR. KIRBY:  Go ahead.",
        "Q    Ana Ribeiro, Público.  Is Qatar involved?",
        "MR. KIRBY:  We talk to Qatar.",
        "Q    And has the President called the Emir?",
        "MR. KIRBY:  Not today.",
        "Q    Will the President travel?",
        "MR. KIRBY:  No travel to announce.",
        "Q    And the Vice President?",
        "MR. KIRBY:  Nor for her.",
        "Q    Hi, Tom Jones with Reuters.  Is Iran behind it?",
        "Q    I mean directly.",
        "MR. KIRBY:  We have not seen that.",
        "MS. JEAN-PIERRE:  And to add to that, we are watching closely.",
        "Q    But are you looking?",
      ].join("\n"),
    );
    const speakers = readSpeakerConvention(lines).lines.flatMap((line) =>
      line.turn && typeof line.turn.speaker === "object" && line.turn.speaker?.role === "questioner"
        ? [line.turn.speaker.name]
        : [],
    );
    // The second "And…" follows an anonymous question; "But…" comes after two other turns, not one answer.
    expect(speakers).toEqual([
      "Ana Ribeiro",
      "Ana Ribeiro",
      "Question",
      "Question",
      "Tom Jones",
      "Tom Jones",
      "Question",
    ]);
  });
});
