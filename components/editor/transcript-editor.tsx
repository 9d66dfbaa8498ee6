"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { EditorBootstrap, EditorEntity, EditorSpeaker, EditorTranscriptMeta } from "@/lib/editor/types";
import type { LiveStatus } from "@/lib/editor/types";
import { createEditorApi } from "./api";
import { AnnotationForm, type AnnotationFormTarget } from "./annotation-form";
import { AnnotationsPanel } from "./annotations-panel";
import { BulkSpeakerBar } from "./bulk-speaker-bar";
import { DeletedParagraphs } from "./deleted-paragraphs";
import { DetailsForm } from "./details-form";
import { EditorController } from "./editor-controller";
import { EditorHeader } from "./editor-header";
import { EditorToolbar } from "./editor-toolbar";
import { EntitiesPanel } from "./entities-panel";
import { FindReplace } from "./find-replace";
import { browserStorage } from "./local-edits";
import { findPlayingSegment } from "./media";
import { MediaPlayer } from "./media-player";
import type { ParagraphCallbacks } from "./paragraph";
import { ParagraphList } from "./paragraph-list";
import { usePresence } from "./presence";
import { LivePanel } from "./live-panel";
import { PreviewLinksBox } from "./preview-links-box";
import { ShareBox } from "./share-box";
import { ShortcutSheet } from "./shortcut-sheet";
import { SidePanels, type PanelDefinition, type PanelName } from "./side-panels";
import { SourceBox } from "./source-box";
import { SpeakersPanel } from "./speakers-panel";
import { SplitSpeakerDialog } from "./split-speaker-dialog";
import { matchShortcut } from "./shortcuts";
import type { TextSelection } from "./value-store";

/** Speakers from the heartbeat or a page of paragraphs: new ones added, known ones updated field by field. */
function upsertById<T extends { id: string }>(current: T[], incoming: readonly T[]): T[] {
  if (incoming.length === 0) return current;
  const byId = new Map(incoming.map((item) => [item.id, item]));
  const merged = current.map((item) => {
    const update = byId.get(item.id);
    return update ? { ...item, ...update } : item;
  });
  const known = new Set(current.map((item) => item.id));
  return [...merged, ...incoming.filter((item) => !known.has(item.id))];
}

function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function isParagraphTextarea(target: EventTarget | null): boolean {
  return target instanceof HTMLTextAreaElement && Boolean(target.closest("[data-testid^='segment-']"));
}

/** The transcript editor: paragraphs in place, autosaved; annotations, speakers, entities and details beside them. */
export function TranscriptEditor({ initial }: { initial: EditorBootstrap }) {
  const [meta, setMeta] = useState<EditorTranscriptMeta>(initial.transcript);
  const [speakers, setSpeakers] = useState<EditorSpeaker[]>(initial.speakers);
  const [entities, setEntities] = useState<EditorEntity[]>(initial.entities);
  const [controller] = useState(
    () =>
      new EditorController({
        bootstrap: initial,
        api: createEditorApi(initial.transcript.id),
        storage: typeof window === "undefined" ? null : browserStorage(),
        onSpeakers: (incoming) => setSpeakers((current) => upsertById(current, incoming)),
      }),
  );
  const viewer = initial.viewer;

  // A live transcript opens on its Live panel: the feed is what the desk watches first.
  const [activePanel, setActivePanel] = useState<PanelName>(initial.transcript.live ? "live" : "notes");
  const [isDrawerOpen, setIsDrawerOpen] = useState(false);
  const [isFindOpen, setIsFindOpen] = useState(false);
  const [findFocusSignal, setFindFocusSignal] = useState(0);
  const [isShortcutSheetOpen, setIsShortcutSheetOpen] = useState(false);
  const [annotationTarget, setAnnotationTarget] = useState<AnnotationFormTarget | null>(null);
  const [splitSpeaker, setSplitSpeaker] = useState<EditorSpeaker | null>(null);
  const [isSelectMode, setIsSelectMode] = useState(false);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const lastCheckedRef = useRef<string | null>(null);
  const [playingId, setPlayingId] = useState<string | null>(null);
  const mediaRef = useRef<HTMLMediaElement | null>(null);

  useEffect(() => controller.setSpeakersSnapshot(speakers), [controller, speakers]);

  // Autosave's life: start, re-apply edits kept on this device, save on reconnect and when the tab is hidden.
  useEffect(() => {
    const { queue } = controller;
    queue.start();
    queue.adoptLocalEdits({ includeUnloaded: true });
    const flush = () => void queue.flushAll();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    window.addEventListener("online", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("online", flush);
      document.removeEventListener("visibilitychange", onVisibility);
      queue.stop();
    };
  }, [controller]);

  const onRemoteSpeakers = useCallback(
    (incoming: EditorSpeaker[]) => setSpeakers((current) => upsertById(current, incoming)),
    [],
  );
  // A live transcript syncs every second and shows its caption feed in the Live panel.
  const [liveStatus, setLiveStatus] = useState<LiveStatus | null>(null);
  const [liveNow, setLiveNow] = useState(() => Date.now());
  const onLive = useCallback((status: LiveStatus) => {
    setLiveStatus(status);
    setLiveNow(Date.now());
  }, []);
  const presence = usePresence({
    controller,
    viewerId: viewer.id,
    initialRevision: initial.transcript.revision,
    onSpeakers: onRemoteSpeakers,
    isLive: initial.transcript.live,
    onLive,
  });

  const allAnnotations = useSyncExternalStore(
    controller.annotations.subscribe,
    controller.annotations.getAll,
    controller.annotations.getAll,
  );
  const reviewMentions = useSyncExternalStore(
    controller.reviewMentions.subscribe,
    controller.reviewMentions.get,
    controller.reviewMentions.get,
  );
  const needsReviewCount = useMemo(
    () => allAnnotations.filter((annotation) => annotation.status === "needs_review").length + reviewMentions.length,
    [allAnnotations, reviewMentions],
  );
  const updateEntity = useCallback(
    (entity: EditorEntity) => setEntities((current) => upsertById(current, [entity])),
    [],
  );

  const openPanel = useCallback((name: PanelName) => {
    setActivePanel(name);
    setIsDrawerOpen(true);
  }, []);

  const showNeedsReview = useCallback(() => {
    openPanel("notes");
    requestAnimationFrame(() => {
      const section = document.getElementById("needs-review");
      section?.scrollIntoView({ block: "nearest" });
      section?.focus({ preventScroll: true });
    });
  }, [openPanel]);

  const [revealedAnnotation, setRevealedAnnotation] = useState<{ id: string; nonce: number } | null>(null);
  const openAnnotation = useCallback(
    (annotationId: string) => {
      openPanel("notes");
      setRevealedAnnotation((current) => ({ id: annotationId, nonce: (current?.nonce ?? 0) + 1 }));
    },
    [openPanel],
  );

  // Media: follow along, seek, stamp.
  const hasTimings = useMemo(() => initial.segments.some((segment) => segment.startMs !== null), [initial.segments]);
  const hasMedia = Boolean(meta.mediaUrl);
  const onTimeUpdate = useCallback(
    (milliseconds: number) => {
      const { store } = controller;
      const id = findPlayingSegment(
        store.getStructure().order,
        (segmentId) => store.getEntry(segmentId)?.segment.startMs,
        milliseconds,
      );
      setPlayingId((current) => {
        if (current === id) return current;
        if (id && !isEditableTarget(document.activeElement)) {
          const element = document.querySelector(`[data-testid="segment-${id}"]`);
          const box = element?.getBoundingClientRect();
          if (!box || box.top < 0 || box.bottom > window.innerHeight) controller.scrollToIndex(store.indexOf(id));
        }
        return id;
      });
    },
    [controller],
  );

  const callbacks = useMemo<ParagraphCallbacks>(
    () => ({
      onToggleChecked: (segmentId, isRange) => {
        const { store } = controller;
        const anchor = lastCheckedRef.current;
        setChecked((current) => {
          const next = new Set(current);
          if (isRange && anchor && store.indexOf(anchor) >= 0) {
            const [from, to] = [store.indexOf(anchor), store.indexOf(segmentId)].sort((a, b) => a - b);
            for (let index = from!; index <= to!; index += 1) {
              const id = store.idAt(index);
              if (id) next.add(id);
            }
          } else if (next.has(segmentId)) {
            next.delete(segmentId);
          } else {
            next.add(segmentId);
          }
          return next;
        });
        lastCheckedRef.current = segmentId;
      },
      onAnnotate: (selection: TextSelection) => setAnnotationTarget({ type: "create", selection }),
      onSeek: (milliseconds) => {
        const media = mediaRef.current;
        if (!media) return;
        const seekAndPlay = () => {
          media.currentTime = milliseconds / 1000;
          void media.play().catch(() => undefined);
        };
        // Before its metadata has loaded, a recording cannot seek yet: wait for it.
        if (media.readyState >= HTMLMediaElement.HAVE_METADATA) seekAndPlay();
        else {
          media.addEventListener("loadedmetadata", seekAndPlay, { once: true });
          if (media.networkState === HTMLMediaElement.NETWORK_EMPTY) media.load();
        }
      },
      onStampTime: (segmentId) => {
        const media = mediaRef.current;
        if (!media) {
          controller.say("Add the recording's address under Details to stamp times from the player.", "error");
          return;
        }
        const entry = controller.store.getEntry(segmentId);
        if (!entry) return;
        void controller.setTiming(segmentId, {
          startMs: Math.round(media.currentTime * 1000),
          endMs: entry.segment.endMs,
        });
      },
      onOpenAnnotation: openAnnotation,
    }),
    [controller, openAnnotation],
  );

  // Page-wide shortcuts; the paragraph handles its own (paragraph.tsx).
  const stateRef = useRef({ isFindOpen, isSelectMode, isDrawerOpen });
  useEffect(() => {
    stateRef.current = { isFindOpen, isSelectMode, isDrawerOpen };
  }, [isFindOpen, isSelectMode, isDrawerOpen]);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const action = matchShortcut(event);
      if (!action) return;
      const isDialogOpen = Boolean(document.querySelector("dialog[open]"));
      const isTyping = isEditableTarget(event.target);
      switch (action.type) {
        case "undo":
        case "redo":
          if (isDialogOpen || (isTyping && !isParagraphTextarea(event.target))) return;
          event.preventDefault();
          void (action.type === "undo" ? controller.undoLast() : controller.redoLast());
          return;
        case "find":
          if (isDialogOpen) return;
          event.preventDefault();
          setIsFindOpen(true);
          setFindFocusSignal((value) => value + 1);
          return;
        case "save":
          event.preventDefault();
          void controller.queue.flushAll();
          return;
        case "help":
          if (isTyping || isDialogOpen) return;
          event.preventDefault();
          setIsShortcutSheetOpen(true);
          return;
        case "escape": {
          if (isDialogOpen) return;
          const state = stateRef.current;
          if (state.isFindOpen) setIsFindOpen(false);
          else if (state.isSelectMode) {
            setIsSelectMode(false);
            setChecked(new Set());
          } else if (state.isDrawerOpen) setIsDrawerOpen(false);
          return;
        }
        default:
          return;
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [controller]);

  const canShare = viewer.role !== "REPORTER" || viewer.id === meta.ownerId;
  const warnings = initial.source?.warnings ?? [];

  const panels: PanelDefinition[] = [
    ...(initial.transcript.live
      ? [
          {
            name: "live" as const,
            label: "Live",
            content: (
              <>
                <LivePanel transcriptId={initial.transcript.id} status={liveStatus} now={liveNow} />
                {/* A live transcript has no upload, so no Source tab: its deleted paragraphs are kept here. */}
                {initial.source ? null : <DeletedParagraphs controller={controller} />}
              </>
            ),
          },
        ]
      : []),
    {
      name: "notes",
      label: "Notes",
      badge: needsReviewCount,
      content: (
        <AnnotationsPanel
          controller={controller}
          reveal={revealedAnnotation}
          onEdit={setAnnotationTarget}
          onEntity={updateEntity}
          canApprove={viewer.role !== "REPORTER"}
        />
      ),
    },
    {
      name: "speakers",
      label: "Speakers",
      content: (
        <SpeakersPanel
          controller={controller}
          speakers={speakers}
          entities={entities}
          onSpeakersChange={setSpeakers}
          onSplit={setSplitSpeaker}
        />
      ),
    },
    {
      name: "entities",
      label: "Entities",
      content: <EntitiesPanel controller={controller} entities={entities} onEntitiesChange={setEntities} />,
    },
    {
      name: "details",
      label: "Details",
      content: (
        <>
          <DetailsForm controller={controller} meta={meta} onSaved={setMeta} />
          {canShare ? <ShareBox controller={controller} /> : null}
          <PreviewLinksBox transcriptId={initial.transcript.id} />
        </>
      ),
    },
    ...(initial.transcript.live && !initial.source
      ? []
      : [
          {
            name: "source" as const,
            label: "Source",
            content: (
              <>
                {initial.source ? (
                  <SourceBox source={initial.source} />
                ) : (
                  <p className="text-sm text-stone-600">No original upload is kept for this transcript.</p>
                )}
                <DeletedParagraphs controller={controller} />
              </>
            ),
          },
        ]),
  ];

  return (
    <div className="flex flex-col gap-6 pb-20 lg:pb-0">
      <EditorHeader
        controller={controller}
        meta={meta}
        people={presence.people}
        needsReviewCount={needsReviewCount}
        onShowNeedsReview={showNeedsReview}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_23rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <EditorToolbar
            controller={controller}
            isFindOpen={isFindOpen}
            isSelectMode={isSelectMode}
            onFind={() => {
              setIsFindOpen((value) => !value);
              setFindFocusSignal((value) => value + 1);
            }}
            onToggleSelectMode={() => {
              setIsSelectMode((value) => !value);
              setChecked(new Set());
            }}
            onShortcuts={() => setIsShortcutSheetOpen(true)}
          >
            {hasMedia && meta.mediaUrl ? (
              <MediaPlayer src={meta.mediaUrl} mediaRef={mediaRef} onTimeUpdate={onTimeUpdate} />
            ) : null}
            {isSelectMode ? (
              <BulkSpeakerBar
                controller={controller}
                speakers={speakers}
                checked={checked}
                onClear={() => setChecked(new Set())}
                onDone={() => {
                  setIsSelectMode(false);
                  setChecked(new Set());
                }}
              />
            ) : null}
          </EditorToolbar>

          {isFindOpen ? (
            <FindReplace controller={controller} focusSignal={findFocusSignal} onClose={() => setIsFindOpen(false)} />
          ) : null}

          {warnings.length > 0 ? (
            <ul className="list-disc rounded-md border border-amber-200 bg-amber-50 p-3 pl-8 text-sm text-amber-950">
              {warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          ) : null}

          {hasMedia && !hasTimings ? (
            <p className="text-sm text-stone-700">
              No paragraph has a start time yet: play the recording and press Alt+T in a paragraph to stamp it.
            </p>
          ) : null}

          <ParagraphList
            controller={controller}
            callbacks={callbacks}
            speakers={speakers}
            presenceBySegment={presence.bySegment}
            playingId={playingId}
            hasMedia={hasMedia}
            isSelectMode={isSelectMode}
            checked={checked}
            language={meta.language}
          />
        </div>

        <SidePanels
          panels={panels}
          active={activePanel}
          isDrawerOpen={isDrawerOpen}
          onSelect={(name) => {
            if (name === activePanel && isDrawerOpen) setIsDrawerOpen(false);
            else openPanel(name);
          }}
          onCloseDrawer={() => setIsDrawerOpen(false)}
        />
      </div>

      {annotationTarget ? (
        <AnnotationForm controller={controller} target={annotationTarget} onClose={() => setAnnotationTarget(null)} />
      ) : null}
      {isShortcutSheetOpen ? <ShortcutSheet onClose={() => setIsShortcutSheetOpen(false)} /> : null}
      {splitSpeaker ? (
        <SplitSpeakerDialog
          controller={controller}
          speaker={splitSpeaker}
          speakers={speakers}
          onDone={setSpeakers}
          onClose={() => setSplitSpeaker(null)}
        />
      ) : null}
    </div>
  );
}
