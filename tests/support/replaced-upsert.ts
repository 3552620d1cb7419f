import type { VectorStore } from "../../shared/vectors/vector-store.js";

/** A real vector store with `upsert` replaced, so a test can act between a write's steps. */
export function withUpsert(real: VectorStore, upsert: VectorStore["upsert"]): VectorStore {
  return {
    kind: real.kind,
    ensureCollection: (c) => real.ensureCollection(c),
    query: (...args) => real.query(...args),
    deleteDocuments: (...args) => real.deleteDocuments(...args),
    countDocument: (...args) => real.countDocument(...args),
    count: (c) => real.count(c),
    exportPage: (...args) => real.exportPage(...args),
    dropCollection: (c) => real.dropCollection(c),
    ping: () => real.ping(),
    upsert,
  };
}
