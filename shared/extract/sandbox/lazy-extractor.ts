import type { Extractor } from "./extractor.js";

/**
 * An Extractor made on its first use, so a process that never extracts (query, health, backup
 * status) never loads the thread pool. A failed start is not kept: the next use tries again.
 */
export function lazyExtractor(
  kind: Extractor["kind"],
  formats: Extractor["formats"],
  make: () => Promise<Extractor>,
): Extractor {
  let made: Promise<Extractor> | undefined;
  const get = (): Promise<Extractor> => {
    made ??= make().catch((error: unknown) => {
      made = undefined;
      throw error;
    });
    return made;
  };
  return {
    kind,
    formats,
    async extract(documentKind, bytes, options) {
      return (await get()).extract(documentKind, bytes, options);
    },
    async extractChunks(documentKind, bytes, options) {
      return (await get()).extractChunks(documentKind, bytes, options);
    },
    async close() {
      const current = made;
      if (current === undefined) return;
      await (await current.catch(() => undefined))?.close();
    },
  };
}
