/**
 * The API key a person signed in with. Session storage, so it leaves with the tab and never
 * reaches the URL, the history or another tab; `null` key means anonymous (a development
 * install without keys).
 */
export interface Session {
  key: string | null;
}

const storageKey = "docstack.console.session";

export function loadSession(storage: Storage = sessionStorage): Session | undefined {
  const raw = storage.getItem(storageKey);
  if (raw === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === "object" && parsed !== null && "key" in parsed) {
      const key = (parsed as { key: unknown }).key;
      if (key === null || typeof key === "string") return { key };
    }
  } catch {
    // A damaged entry is the same as none: the person signs in again.
  }
  return undefined;
}

export function saveSession(session: Session, storage: Storage = sessionStorage): void {
  storage.setItem(storageKey, JSON.stringify(session));
}

export function clearSession(storage: Storage = sessionStorage): void {
  storage.removeItem(storageKey);
}
