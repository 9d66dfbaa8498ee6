// One object for the whole process. Next's bundle and scripts/serve.ts each load their own copy of a module, so a
// module-level value would be two; one found on globalThis through a registered symbol is shared by both copies.
import { EventEmitter } from "node:events";

/** The process's one value under `name`, made by `make` the first time any copy of any module asks. */
export function processWide<T>(name: string, make: () => T): T {
  const holder = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(`verbatim.${name}`);
  if (!(key in holder)) holder[key] = make();
  return holder[key] as T;
}

/** A signal anything in the process can send and hear under `name`, whichever copy of a module it loaded. */
export function processSignal<T = void>(name: string) {
  const emitter = () =>
    processWide(name, () => {
      const made = new EventEmitter();
      made.setMaxListeners(0);
      return made;
    });
  return {
    send(value: T): void {
      emitter().emit("signal", value);
    },
    /** Calls `listener` with every value sent from now on; returns how to stop. */
    listen(listener: (value: T) => void): () => void {
      emitter().on("signal", listener);
      return () => {
        emitter().off("signal", listener);
      };
    },
  };
}
