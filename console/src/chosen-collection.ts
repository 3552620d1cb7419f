const storageKey = "docstack.console.collection";

/**
 * The collection the person last worked in, so the documents and search pages open on it.
 * Session storage: a preference of this tab, nothing secret.
 */
export function chosenCollection(): string | undefined {
  return sessionStorage.getItem(storageKey) ?? undefined;
}

export function chooseCollection(id: string): void {
  sessionStorage.setItem(storageKey, id);
}
