"use client";

import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from "react";

// The reading page's shared state: which speaker's paragraphs are shown and which paragraph is being played. A small
// store rather than React state at the top, so a player's time update re-renders only the two paragraphs it moves
// between, not every paragraph of a three-hour hearing.

export interface ReaderState {
  speakerId: string | null;
  playingSegmentId: string | null;
}

const INITIAL: ReaderState = { speakerId: null, playingSegmentId: null };

export class ReaderStore {
  private state: ReaderState = INITIAL;
  private listeners = new Set<() => void>();
  private seeker: ((milliseconds: number) => void) | null = null;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): ReaderState => this.state;

  /** The media player registers how to seek; timestamps call seek(). */
  setSeeker(seeker: ((milliseconds: number) => void) | null) {
    this.seeker = seeker;
  }

  seek(milliseconds: number) {
    this.seeker?.(milliseconds);
  }

  update(patch: Partial<ReaderState>) {
    const next = { ...this.state, ...patch };
    if (next.speakerId === this.state.speakerId && next.playingSegmentId === this.state.playingSegmentId) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

const ReaderContext = createContext<ReaderStore | null>(null);

export function ReaderProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => new ReaderStore());
  return <ReaderContext.Provider value={store}>{children}</ReaderContext.Provider>;
}

export function useReaderStore(): ReaderStore | null {
  return useContext(ReaderContext);
}

/** A value derived from the reader's state; the server and the first render see the initial state. */
export function useReaderState<T>(select: (state: ReaderState) => T): T {
  const store = useContext(ReaderContext);
  return useSyncExternalStore(
    store?.subscribe ?? noSubscribe,
    () => select(store?.getState() ?? INITIAL),
    () => select(INITIAL),
  );
}

function noSubscribe() {
  return () => {};
}
