// Unsaved paragraph edits kept in the browser (localStorage) until the server has them: a closed tab, a crash or a
// lost connection loses nothing. One key per transcript: `verbatim:edits:{transcriptId}` → {[segmentId]: edit}.

export interface LocalEdit {
  text: string;
  /** The paragraph version the text was typed on; a save names it, so a newer save is never overwritten. */
  baseVersion: number;
}

export type LocalEdits = Record<string, LocalEdit>;

/** The part of the Storage interface used here, so tests and private browsing (no storage) work alike. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function localEditsKey(transcriptId: string): string {
  return `verbatim:edits:${transcriptId}`;
}

export class LocalEditStore {
  private edits: LocalEdits;

  constructor(
    private readonly transcriptId: string,
    private readonly storage: KeyValueStorage | null,
  ) {
    this.edits = readEdits(storage, localEditsKey(transcriptId));
  }

  all(): Readonly<LocalEdits> {
    return this.edits;
  }

  get(segmentId: string): LocalEdit | undefined {
    return this.edits[segmentId];
  }

  count(): number {
    return Object.keys(this.edits).length;
  }

  put(segmentId: string, edit: LocalEdit): void {
    const current = this.edits[segmentId];
    if (current && current.text === edit.text && current.baseVersion === edit.baseVersion) return;
    this.edits = { ...this.edits, [segmentId]: edit };
    this.write();
  }

  remove(segmentId: string): void {
    if (!(segmentId in this.edits)) return;
    const { [segmentId]: _removed, ...rest } = this.edits;
    this.edits = rest;
    this.write();
  }

  private write(): void {
    if (!this.storage) return;
    const key = localEditsKey(this.transcriptId);
    try {
      if (this.count() === 0) this.storage.removeItem(key);
      else this.storage.setItem(key, JSON.stringify(this.edits));
    } catch {
      // A full or disabled storage must not stop typing: the edit still lives in memory until it is saved.
    }
  }
}

function readEdits(storage: KeyValueStorage | null, key: string): LocalEdits {
  if (!storage) return {};
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return {};
  }
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
  const edits: LocalEdits = {};
  for (const [segmentId, value] of Object.entries(parsed)) {
    if (!value || typeof value !== "object") continue;
    const { text, baseVersion } = value as Partial<LocalEdit>;
    if (typeof text === "string" && typeof baseVersion === "number" && Number.isFinite(baseVersion)) {
      edits[segmentId] = { text, baseVersion };
    }
  }
  return edits;
}

/** window.localStorage when it can be used (it throws in some privacy modes), otherwise null. */
export function browserStorage(): KeyValueStorage | null {
  try {
    const storage = window.localStorage;
    const probe = "verbatim:probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}
