"use client";

// Who else has the transcript open, and where: a heartbeat every 5 s (and at once when focus moves to another
// paragraph) that also brings colleagues' saved changes since the last one.

import { useEffect, useMemo, useState } from "react";
import type { EditorSpeaker, PresenceEntry } from "@/lib/editor/types";
import type { LiveStatus } from "@/lib/editor/types";
import type { EditorController } from "./editor-controller";

export const PRESENCE_INTERVAL_MS = 5000;
/** A live transcript grows while it is open: new paragraphs should show within a second or so. */
export const LIVE_PRESENCE_INTERVAL_MS = 1000;

/** One entry per colleague (several tabs count once), without the viewer. */
export function othersPresent(people: readonly PresenceEntry[], viewerId: string): PresenceEntry[] {
  const byUser = new Map<string, PresenceEntry>();
  for (const person of people) {
    if (person.userId === viewerId) continue;
    const seen = byUser.get(person.userId);
    if (!seen || (!seen.segmentId && person.segmentId)) byUser.set(person.userId, person);
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** For each paragraph with colleagues in it, a short sentence: "Ana Ribeiro is here". */
export function presenceSentences(people: readonly PresenceEntry[]): Map<string, string> {
  const names = new Map<string, string[]>();
  for (const person of people) {
    if (!person.segmentId) continue;
    names.set(person.segmentId, [...(names.get(person.segmentId) ?? []), person.name]);
  }
  const sentences = new Map<string, string>();
  for (const [segmentId, list] of names) {
    sentences.set(segmentId, `${list.join(", ")} ${list.length === 1 ? "is" : "are"} here`);
  }
  return sentences;
}

export function usePresence({
  controller,
  viewerId,
  initialRevision,
  onSpeakers,
  isLive = false,
  onLive,
}: {
  controller: EditorController;
  viewerId: string;
  initialRevision: number;
  onSpeakers: (speakers: EditorSpeaker[]) => void;
  /** A live transcript: heartbeats every LIVE_PRESENCE_INTERVAL_MS, and each brings the feed's status. */
  isLive?: boolean;
  onLive?: (status: LiveStatus) => void;
}): { people: PresenceEntry[]; bySegment: Map<string, string> } {
  const [people, setPeople] = useState<PresenceEntry[]>([]);

  useEffect(() => {
    const clientId =
      typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : String(Math.random()).slice(2);
    let sinceRevision = initialRevision;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let focusTimer: ReturnType<typeof setTimeout> | null = null;
    let isRunning = false;
    let isAgain = false;
    let isStopped = false;

    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(beat, isLive ? LIVE_PRESENCE_INTERVAL_MS : PRESENCE_INTERVAL_MS);
    };

    async function beat() {
      if (isStopped) return;
      if (isRunning) {
        isAgain = true;
        return;
      }
      isRunning = true;
      const response = await controller.api.presence(clientId, controller.focused.get(), sinceRevision);
      isRunning = false;
      if (isStopped) return;
      if (response.ok) {
        const { changes, revision } = response.body;
        if (changes) {
          controller.applyRemote(changes);
          if (changes.speakers.length > 0) onSpeakers(changes.speakers);
        }
        sinceRevision = Math.max(sinceRevision, revision);
        if (response.body.live) onLive?.(response.body.live);
        setPeople(othersPresent(response.body.people, viewerId));
      }
      if (isAgain) {
        isAgain = false;
        void beat();
      } else {
        schedule();
      }
    }

    // Arrowing through paragraphs sends one heartbeat when it settles, not one per paragraph.
    const unsubscribe = controller.focused.subscribe(() => {
      if (focusTimer) clearTimeout(focusTimer);
      focusTimer = setTimeout(() => void beat(), 300);
    });
    const unbindSync = controller.bindSync(() => void beat());
    void beat();
    return () => {
      isStopped = true;
      unbindSync();
      unsubscribe();
      if (timer) clearTimeout(timer);
      if (focusTimer) clearTimeout(focusTimer);
    };
  }, [controller, viewerId, initialRevision, onSpeakers, isLive, onLive]);

  const bySegment = useMemo(() => presenceSentences(people), [people]);
  return { people, bySegment };
}
