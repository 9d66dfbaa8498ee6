import { describe, expect, it, vi } from "vitest";
import { processSignal, processWide } from "@/lib/runtime/process-wide";

describe("process-wide values and signals", () => {
  it("makes a value once, and every copy of the module gets the same one", async () => {
    const make = vi.fn(() => ({ made: true }));
    const first = processWide("test.value", make);
    vi.resetModules();
    const other = await import("@/lib/runtime/process-wide");
    expect(other.processWide("test.value", make)).toBe(first);
    expect(make).toHaveBeenCalledTimes(1);
  });

  it("delivers a signal to listeners from any copy of the module until they stop, and to nobody else", async () => {
    const heard: string[] = [];
    const stop = processSignal<string>("test.signal").listen((value) => heard.push(value));
    vi.resetModules();
    const other = await import("@/lib/runtime/process-wide");
    other.processSignal<string>("test.signal").send("from the other copy");
    processSignal<string>("test.elsewhere").send("not this signal");
    stop();
    processSignal<string>("test.signal").send("after stopping");
    expect(heard).toEqual(["from the other copy"]);
  });
});
