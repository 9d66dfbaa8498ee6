// A value outside React that components read with useSyncExternalStore; listeners run only when it changes.

export interface ValueStore<T> {
  get: () => T;
  set: (value: T) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createValueStore<T>(initial: T, isEqual: (left: T, right: T) => boolean = Object.is): ValueStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (next) => {
      if (isEqual(value, next)) return;
      value = next;
      listeners.forEach((listener) => listener());
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The words selected in a paragraph (null while the caret is collapsed), for annotating and tagging. */
export interface TextSelection {
  segmentId: string;
  start: number;
  end: number;
  text: string;
}

export function sameSelection(left: TextSelection | null, right: TextSelection | null): boolean {
  if (left === right) return true;
  if (!left || !right) return false;
  return (
    left.segmentId === right.segmentId &&
    left.start === right.start &&
    left.end === right.end &&
    left.text === right.text
  );
}
