"use client";

import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export type PanelName = "live" | "notes" | "speakers" | "entities" | "details" | "source";

export interface PanelDefinition {
  name: PanelName;
  label: string;
  badge?: number;
  content: ReactNode;
}

/**
 * The editor's panels as tabs: a right-hand column from 1024 px, a drawer over a bottom tab bar on phones.
 */
export function SidePanels({
  panels,
  active,
  isDrawerOpen,
  onSelect,
  onCloseDrawer,
}: {
  panels: PanelDefinition[];
  active: PanelName;
  isDrawerOpen: boolean;
  onSelect: (name: PanelName) => void;
  onCloseDrawer: () => void;
}) {
  const tabRefs = useRef(new Map<PanelName, HTMLButtonElement>());
  // A panel is first rendered when first chosen, then kept (hidden) so its half-filled forms survive switching.
  const [visited, setVisited] = useState<ReadonlySet<PanelName>>(() => new Set([active]));
  if (!visited.has(active)) setVisited(new Set([...visited, active]));

  function onTabKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = panels.findIndex((panel) => panel.name === active);
    const move =
      event.key === "ArrowRight"
        ? 1
        : event.key === "ArrowLeft"
          ? -1
          : event.key === "Home"
            ? -index
            : event.key === "End"
              ? panels.length - 1 - index
              : 0;
    if (move === 0) return;
    event.preventDefault();
    const next = panels[(index + move + panels.length) % panels.length];
    if (!next) return;
    onSelect(next.name);
    tabRefs.current.get(next.name)?.focus();
  }

  return (
    <aside
      aria-label="Editor panels"
      className="fixed inset-x-0 bottom-0 z-30 flex max-h-[75dvh] flex-col-reverse border-t border-stone-300 bg-white shadow-[0_-4px_12px_rgba(0,0,0,0.08)] lg:sticky lg:top-4 lg:z-auto lg:max-h-[calc(100dvh-2rem)] lg:flex-col lg:self-start lg:rounded-lg lg:border lg:border-stone-200 lg:shadow-none"
    >
      <div className="flex items-stretch border-stone-200 lg:border-b">
        <div
          role="tablist"
          aria-label="Panels"
          className="flex min-w-0 flex-1 overflow-x-auto"
          onKeyDown={onTabKeyDown}
        >
          {panels.map((panel) => {
            const isActive = panel.name === active;
            return (
              <button
                key={panel.name}
                ref={(element) => {
                  if (element) tabRefs.current.set(panel.name, element);
                  else tabRefs.current.delete(panel.name);
                }}
                type="button"
                role="tab"
                id={`panel-tab-${panel.name}`}
                aria-selected={isActive}
                aria-controls={`panel-${panel.name}`}
                tabIndex={isActive ? 0 : -1}
                onClick={() => onSelect(panel.name)}
                className={`shrink-0 border-b-2 px-2.5 py-2.5 text-sm font-medium whitespace-nowrap ${
                  isActive ? "border-accent text-accent" : "border-transparent text-stone-700 hover:text-ink"
                }`}
              >
                {panel.label}
                {panel.badge ? (
                  <span className="ml-1 rounded-full bg-amber-100 px-1.5 text-xs text-amber-950">{panel.badge}</span>
                ) : null}
              </button>
            );
          })}
        </div>
        {isDrawerOpen ? (
          <button
            type="button"
            onClick={onCloseDrawer}
            className="shrink-0 px-3 text-sm font-medium text-stone-700 lg:hidden"
            aria-label="Close panel"
          >
            Close
          </button>
        ) : null}
      </div>
      <div className={`min-h-0 flex-1 overflow-y-auto overscroll-contain p-3 ${isDrawerOpen ? "" : "hidden"} lg:block`}>
        {panels.map((panel) => (
          <div
            key={panel.name}
            role="tabpanel"
            id={`panel-${panel.name}`}
            aria-labelledby={`panel-tab-${panel.name}`}
            hidden={panel.name !== active}
            tabIndex={0}
            className="flex flex-col gap-6 outline-offset-[-2px]"
          >
            {visited.has(panel.name) ? panel.content : null}
          </div>
        ))}
      </div>
    </aside>
  );
}
