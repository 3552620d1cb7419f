import { ExtractionError } from "./extraction-error.js";

/**
 * This runtime cannot read the document, and an index worker on Node can: a format whose parser
 * is not in the Workers bundle (PDF, images), or text whose encoding only the full detector
 * tells. Indexing hands such a document to Node instead of failing it (index-pipeline.ts).
 */
export class NeedsNodeRuntime extends ExtractionError {
  override name = "NeedsNodeRuntime";
}
