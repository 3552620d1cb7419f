import { contentTypeOf, type DocumentKind, documentKinds } from "../extract/document-kind.js";
import type { Extractor } from "../extract/sandbox/extractor.js";

export interface IndexFormats {
  runtime: "node" | "workers";
  formats: { format: DocumentKind; content_type: string; read_here: boolean }[];
}

/**
 * GET /index/formats: which formats this index function reads. On Node every one; on Workers
 * the others wait, pending, for an index worker on Node (claim-documents.ts).
 */
export function indexFormats(extractor: Pick<Extractor, "kind" | "formats">): IndexFormats {
  const readHere = (kind: DocumentKind) => extractor.formats === "all" || extractor.formats.includes(kind);
  return {
    runtime: extractor.kind === "in-process" ? "workers" : "node",
    formats: documentKinds.map((kind) => ({
      format: kind,
      content_type: contentTypeOf[kind],
      read_here: readHere(kind),
    })),
  };
}
