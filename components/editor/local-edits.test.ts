import { describe, expect, it } from "vitest";
import { LocalEditStore, localEditsKey, type KeyValueStorage } from "./local-edits";

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
    removeItem: (key) => {
      delete data[key];
    },
  };
}

describe("LocalEditStore", () => {
  it("writes every edit under the transcript's key and removes the key when the last edit is saved", () => {
    const storage = memoryStorage();
    const store = new LocalEditStore("t1", storage);
    store.put("s1", { text: "Hello", baseVersion: 3 });
    store.put("s2", { text: "World", baseVersion: 1 });
    expect(JSON.parse(storage.data[localEditsKey("t1")]!)).toEqual({
      s1: { text: "Hello", baseVersion: 3 },
      s2: { text: "World", baseVersion: 1 },
    });
    store.remove("s1");
    store.remove("s2");
    expect(storage.data).toEqual({});
  });

  it("reads edits kept by an earlier visit and ignores malformed entries", () => {
    const storage = memoryStorage({
      [localEditsKey("t1")]: JSON.stringify({
        s1: { text: "Kept", baseVersion: 2 },
        s2: { text: 5, baseVersion: 2 },
        s3: "nonsense",
      }),
    });
    const store = new LocalEditStore("t1", storage);
    expect(store.all()).toEqual({ s1: { text: "Kept", baseVersion: 2 } });
    expect(store.count()).toBe(1);
  });

  it("survives unreadable JSON, a storage that throws, and no storage at all", () => {
    expect(new LocalEditStore("t1", memoryStorage({ [localEditsKey("t1")]: "{" })).count()).toBe(0);
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("quota");
      },
      removeItem: () => undefined,
    };
    const store = new LocalEditStore("t1", throwing);
    store.put("s1", { text: "Still here", baseVersion: 1 });
    expect(store.get("s1")?.text).toBe("Still here");
    const memoryOnly = new LocalEditStore("t1", null);
    memoryOnly.put("s1", { text: "x", baseVersion: 1 });
    expect(memoryOnly.count()).toBe(1);
  });
});
