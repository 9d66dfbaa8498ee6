import { describe, expect, it } from "vitest";
import { matchShortcut, type KeyLike } from "./shortcuts";

const press = (key: string, modifiers: Partial<KeyLike> = {}): KeyLike => ({
  key,
  code: modifiers.code ?? (key.length === 1 ? `Key${key.toUpperCase()}` : key),
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

describe("matchShortcut", () => {
  it("reads undo and redo with Ctrl or Cmd", () => {
    expect(matchShortcut(press("z", { ctrlKey: true }))).toEqual({ type: "undo" });
    expect(matchShortcut(press("z", { metaKey: true }))).toEqual({ type: "undo" });
    expect(matchShortcut(press("Z", { ctrlKey: true, shiftKey: true }))).toEqual({ type: "redo" });
    expect(matchShortcut(press("y", { ctrlKey: true }))).toEqual({ type: "redo" });
  });

  it("opens find with Ctrl+F, Cmd+F and Ctrl+H but not Cmd+H (the Mac hides the app)", () => {
    expect(matchShortcut(press("f", { ctrlKey: true }))).toEqual({ type: "find" });
    expect(matchShortcut(press("f", { metaKey: true }))).toEqual({ type: "find" });
    expect(matchShortcut(press("h", { ctrlKey: true }))).toEqual({ type: "find" });
    expect(matchShortcut(press("h", { metaKey: true }))).toBeNull();
  });

  it("matches Alt shortcuts by physical key, whatever character Option makes", () => {
    expect(matchShortcut(press("å", { altKey: true, code: "KeyA" }))).toEqual({ type: "annotate" });
    expect(matchShortcut(press("†", { altKey: true, code: "KeyT" }))).toEqual({ type: "stampTime" });
    expect(matchShortcut(press("ArrowUp", { altKey: true }))).toEqual({ type: "moveUp" });
    expect(matchShortcut(press("Î", { altKey: true, shiftKey: true, code: "KeyD" }))).toEqual({ type: "delete" });
    expect(matchShortcut(press("¡", { altKey: true, code: "Digit1" }))).toEqual({ type: "speaker", index: 1 });
    expect(matchShortcut(press("Enter", { altKey: true }))).toEqual({ type: "insertAfter" });
  });

  it("treats Enter and Shift+Enter alike (paragraphs hold no line breaks) and ignores IME composition", () => {
    expect(matchShortcut(press("Enter"))).toEqual({ type: "split" });
    expect(matchShortcut(press("Enter", { shiftKey: true }))).toEqual({ type: "split" });
    expect(matchShortcut(press("Enter", { isComposing: true }))).toBeNull();
  });

  it("leaves ordinary typing alone", () => {
    expect(matchShortcut(press("a"))).toBeNull();
    expect(matchShortcut(press("c", { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(press("e", { ctrlKey: true, altKey: true }))).toBeNull();
  });
});
