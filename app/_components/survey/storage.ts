// Browser storage for the phone page: a draft survives a reload, and a finished response
// stays on the device until the server has acknowledged it.

export type Draft = { data: Record<string, unknown>; page: number; startedAt: string };
export type Pending = { id: string; body: Record<string, unknown> };

const PREFIX = 'hailong:';

function read<T>(key: string): T | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null; // private mode or corrupt entry: behave as if nothing was saved
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) window.localStorage.removeItem(PREFIX + key);
    else window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the survey still works, it just cannot survive a reload.
  }
}

export const draftKey = (point: string, slug: string, version: number) => `draft:${point}:${slug}:${version}`;
export const pendingKey = (point: string, slug: string) => `pending:${point}:${slug}`;

export const loadDraft = (key: string) => read<Draft>(key);
export const saveDraft = (key: string, draft: Draft | null) => write(key, draft);
export const loadPending = (key: string) => read<Pending>(key);
export const savePending = (key: string, pending: Pending | null) => write(key, pending);
