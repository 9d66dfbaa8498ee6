"use client";

import { defaultRangeExtractor, useWindowVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { EditorSpeaker } from "@/lib/editor/types";
import type { EditorController } from "./editor-controller";
import { Paragraph, type ParagraphCallbacks } from "./paragraph";

const MORE_KEY = "__more__";
const FULLY_RENDERED = 100;

/**
 * The transcript's paragraphs, virtualised against the window: only what is on screen (and a few either side) is
 * in the DOM, so a 200,000-paragraph upload opens as fast as a short one. The focused paragraph stays mounted
 * while scrolled away, so typing and focus survive. Further pages load as the end comes near.
 */
export function ParagraphList({
  controller,
  callbacks,
  speakers,
  presenceBySegment,
  playingId,
  hasMedia,
  isSelectMode,
  checked,
  language,
}: {
  controller: EditorController;
  callbacks: ParagraphCallbacks;
  speakers: readonly EditorSpeaker[];
  presenceBySegment: ReadonlyMap<string, string>;
  playingId: string | null;
  hasMedia: boolean;
  isSelectMode: boolean;
  checked: ReadonlySet<string>;
  language: string | null;
}) {
  const { store } = controller;
  const structure = useSyncExternalStore(store.subscribeStructure, store.getStructure, store.getStructure);
  const focusedId = useSyncExternalStore(controller.focused.subscribe, controller.focused.get, () => null);
  const isLoadingMore = useSyncExternalStore(
    controller.isLoadingMore.subscribe,
    controller.isLoadingMore.get,
    () => false,
  );
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  // The list starts below the header and panels; when they change height, the list's offset changes with them.
  useLayoutEffect(() => {
    const element = listRef.current;
    if (!element) return;
    const update = () => {
      const top = Math.round(element.getBoundingClientRect().top + window.scrollY);
      setScrollMargin((current) => (current === top ? current : top));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const { order, totalCount } = structure;
  const hasMore = order.length < totalCount;
  const focusedIndex = focusedId ? store.indexOf(focusedId) : -1;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focusedIndex >= 0 && !indexes.includes(focusedIndex)) {
        indexes.push(focusedIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [focusedIndex],
  );

  const virtualizer = useWindowVirtualizer({
    count: order.length + (hasMore ? 1 : 0),
    estimateSize: () => 120,
    // A short transcript is rendered whole (the browser's find and a screen reader's browse mode see all of it);
    // a long one renders what is on screen and a few paragraphs either side.
    overscan: order.length <= FULLY_RENDERED ? FULLY_RENDERED : 6,
    scrollMargin,
    getItemKey: (index) => order[index] ?? MORE_KEY,
    rangeExtractor,
    // The server renders the first screenful, so paragraphs show before the script runs; the first render in the
    // browser assumes the same window, so hydration matches, and the real window takes over right after.
    initialRect: { width: 1280, height: 1000 },
    initialOffset: 0,
  });

  useEffect(
    () => controller.bindScroller((index) => virtualizer.scrollToIndex(index, { align: "center" })),
    [controller, virtualizer],
  );

  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !isLoadingMore && lastIndex >= order.length - 30) void controller.loadMore();
  }, [controller, hasMore, isLoadingMore, lastIndex, order.length]);

  const speakerNames = useMemo(() => new Map(speakers.map((speaker) => [speaker.id, speaker.name])), [speakers]);

  return (
    <section aria-label="Transcript text" lang={language ?? undefined} data-testid="draft-segments">
      <div ref={listRef} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const segmentId = order[item.index];
          const style = { transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` };
          if (!segmentId) {
            return (
              <div
                key={MORE_KEY}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="absolute left-0 top-0 w-full py-6 text-center font-sans text-sm text-stone-600"
                style={style}
              >
                {isLoadingMore ? "Loading more paragraphs…" : `${totalCount - order.length} more paragraphs`}
              </div>
            );
          }
          const speakerId = store.getEntry(segmentId)?.segment.speakerId ?? null;
          const previousId = item.index > 0 ? order[item.index - 1] : undefined;
          const previousSpeakerId = previousId ? (store.getEntry(previousId)?.segment.speakerId ?? null) : undefined;
          return (
            <div
              key={segmentId}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="absolute left-0 top-0 w-full"
              style={style}
            >
              <Paragraph
                controller={controller}
                callbacks={callbacks}
                segmentId={segmentId}
                index={item.index}
                speakerName={speakerId ? (speakerNames.get(speakerId) ?? "Unknown speaker") : null}
                showSpeaker={previousSpeakerId === undefined || previousSpeakerId !== speakerId}
                speakers={speakers}
                presenceNames={presenceBySegment.get(segmentId)}
                isPlaying={playingId === segmentId}
                hasMedia={hasMedia}
                isSelectMode={isSelectMode}
                isChecked={checked.has(segmentId)}
              />
            </div>
          );
        })}
      </div>
      {order.length === 0 && !hasMore ? (
        <div className="rounded-lg border border-dashed border-stone-300 p-6 text-center font-sans text-sm text-stone-600">
          <p>This transcript has no paragraphs.</p>
          <button
            type="button"
            className="mt-2 font-medium text-accent underline"
            onClick={() => void controller.insertAfter(null)}
          >
            Write the first paragraph
          </button>
        </div>
      ) : null}
    </section>
  );
}
