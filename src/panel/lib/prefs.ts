/**
 * Panel preferences in localStorage (filters, split sizes, preferred fix stack). The panel's storage
 * belongs to the extension origin, so it is shared by every DevTools window — as DevTools' own
 * settings are. Storage can be unavailable (tests, privacy settings): reads fall back to defaults.
 */
const PREFIX = 'cors-lens.panel.';

export interface PrefStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export const localPrefs: PrefStore = {
  get(key) {
    try { return globalThis.localStorage?.getItem(PREFIX + key) ?? null; } catch { return null; }
  },
  set(key, value) {
    try { globalThis.localStorage?.setItem(PREFIX + key, value); } catch { /* quota or disabled: not worth failing for */ }
  },
};

/** An in-memory store (tests, previews that must not leak state between runs). */
export function memoryPrefs(initial: Record<string, string> = {}): PrefStore {
  const m = new Map(Object.entries(initial));
  return { get: (k) => m.get(k) ?? null, set: (k, v) => { m.set(k, v); } };
}

export function readNumber(prefs: PrefStore, key: string, fallback: number): number {
  const v = Number(prefs.get(key));
  return prefs.get(key) !== null && Number.isFinite(v) ? v : fallback;
}

export function readChoice<T extends string>(prefs: PrefStore, key: string, choices: readonly T[], fallback: T): T {
  const v = prefs.get(key);
  return v !== null && (choices as readonly string[]).includes(v) ? (v as T) : fallback;
}
