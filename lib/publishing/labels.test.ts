import { describe, expect, it } from "vitest";
import { formatPublicDate, publicFidelityLabel, speakerDescription } from "./labels";

describe("public labels", () => {
  it("names each fidelity as readers see it", () => {
    expect(publicFidelityLabel("VERBATIM", null)).toBe("Verbatim transcript");
    expect(publicFidelityLabel("CLEAN_READ", "Ana")).toBe("Clean read");
    expect(publicFidelityLabel("MACHINE", null)).toBe("Machine transcript");
  });

  it("says who checked a machine transcript", () => {
    expect(publicFidelityLabel("HUMAN_VERIFIED", "Ana Ribeiro")).toBe("Machine transcript, checked by Ana Ribeiro");
    expect(publicFidelityLabel("HUMAN_VERIFIED", "  ")).toBe("Machine transcript, checked by a person");
  });

  it("describes a speaker by title and outlet, leaving out what is unknown", () => {
    expect(speakerDescription({ title: "Secretary General", outlet: "NATO" })).toBe("Secretary General, NATO");
    expect(speakerDescription({ title: null, outlet: "Público" })).toBe("Público");
    expect(speakerDescription({ title: " ", outlet: null })).toBeNull();
  });

  it("writes dates in UTC, so an event at midnight UTC keeps its day", () => {
    expect(formatPublicDate("2019-02-14T00:00:00.000Z")).toBe("14 February 2019");
    expect(formatPublicDate(null)).toBeNull();
    expect(formatPublicDate("not a date")).toBeNull();
  });
});
