import { z } from "@hono/zod-openapi";
import type { Principal } from "../../../shared/auth/principal.js";
import { listCountedCollections } from "../../../shared/collections/collection-counts.js";
import type { Deps } from "../../../shared/deps/deps.js";
import { documentView } from "../../../shared/documents/document-row.js";
import { getDocumentText } from "../../../shared/documents/document-text.js";
import { getDocument } from "../../../shared/documents/find-documents.js";
import { CollectionPageSchema, collectionView } from "../../../shared/http/schemas/collection-schema.js";
import { IdParams, PageQuery } from "../../../shared/http/schemas/common.js";
import { DocumentSchema } from "../../../shared/http/schemas/document-schema.js";
import { DocumentTextSchema } from "../../../shared/http/schemas/document-text-schema.js";
import { rerankHeaderValue } from "../../../shared/rerank/rerank-outcome.js";
import { queryCollection } from "../../../shared/retrieval/query-collection.js";
import { Passage, QueryBody, queryInputOf } from "../routes/query-collection.js";
import { citablePassages } from "./citation.js";

/** Who calls a tool, with what: the same deps and principal the HTTP routes' handlers get. */
export interface ToolContext {
  deps: Deps;
  principal: Principal;
}

/**
 * An MCP tool over one use case. `input` and `output` are the HTTP routes' zod schemas (or
 * built from their fields), so a tool accepts and returns what its route does.
 */
export interface McpTool<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  /** `text` is what a model reads; `structured` matches `output`. */
  run(context: ToolContext, args: z.output<I>): Promise<{ text: string; structured: z.output<O> }>;
}

const tool = <I extends z.ZodType, O extends z.ZodType>(definition: McpTool<I, O>) => definition;

// POST /query's body, field for field (highlights are for a UI, not a model).
const SearchInput = QueryBody.omit({ highlight: true });

const searchTool = tool({
  name: "search",
  title: "Search a collection",
  description:
    "Find the passages of a Docstack collection that answer a question, best first. Each is numbered " +
    "[n] with its file name and location (page, sheet and rows, section) for citing. collection_id comes " +
    'from list_collections. mode: hybrid (default), keyword (BM25: words and "quoted phrases", -word ' +
    "excludes) or vector. filter narrows by document_id, content_type, filename, upload_date or metadata " +
    "keys, a value or operators ($eq $ne $in $nin $gt $gte $lt $lte $exists $contains), combined with " +
    '$and/$or: {"metadata": {"year": {"$gte": 2020}}}. rerank: true reorders the best candidates with the ' +
    "server's cross-encoder where it has one (absent: the collection's default).",
  input: SearchInput,
  output: z.object({
    query_id: z.uuid(),
    mode: QueryBody.shape.mode,
    results: z.array(Passage),
    rerank: z.string().optional().openapi({
      description:
        "When reranking was asked for: `applied`, or `fallback; reason=…` (the results keep the fused order), as POST /query's Docstack-Rerank header.",
    }),
  }),
  async run({ deps, principal }, args) {
    const { queryId, results, rerank } = await queryCollection(
      deps,
      principal,
      queryInputOf({ ...args, highlight: false }),
    );
    return {
      text: citablePassages(results),
      structured: {
        query_id: queryId,
        mode: args.mode,
        results,
        ...(rerank === undefined ? {} : { rerank: rerankHeaderValue(rerank) }),
      },
    };
  },
});

const listCollectionsTool = tool({
  name: "list_collections",
  title: "List collections",
  description:
    "The collections this API key may search, oldest first, with their ids (for search), descriptions and counts.",
  input: PageQuery,
  output: CollectionPageSchema,
  async run({ deps, principal }, page) {
    const { items, total } = await listCountedCollections(deps.db, principal, page);
    const views = items.map((i) => collectionView(i.collection, i.counts));
    const lines = views.map(
      (c) =>
        `- ${c.name} (collection_id ${c.id})${c.description ? `: ${c.description}` : ""}; ` +
        `${c.counts.indexed} of ${c.counts.documents} documents indexed, ${c.counts.chunks} passages, language ${c.language}`,
    );
    const next =
      page.offset + views.length < total
        ? `\nMore: call again with offset ${page.offset + views.length}.`
        : "";
    return {
      text: `${total} collection${total === 1 ? "" : "s"}; ${views.length} from offset ${page.offset}:\n${lines.join("\n")}${next}`,
      structured: { items: views, total, ...page },
    };
  },
});

const getDocumentTool = tool({
  name: "get_document",
  title: "Read a document",
  description:
    "A document's metadata and a page of its extracted text (offset and limit count passages, in order): " +
    "to read around a passage search returned. document_id is in each search result.",
  input: z.object({ document_id: IdParams.shape.id, ...PageQuery.shape }),
  output: z.object({ document: DocumentSchema, text: DocumentTextSchema }),
  async run({ deps, principal }, { document_id, limit, offset }) {
    const document = documentView(await getDocument(deps.db, principal, document_id));
    const page = await getDocumentText(deps.db, principal, document_id, { limit, offset });
    const header =
      `${document.filename} (${document.content_type}; index status ${document.index_status}; ` +
      `${page.chunk_count} passages; uploaded ${document.upload_date}; collection_id ${document.collection_id})\n` +
      `Metadata: ${JSON.stringify(document.metadata)}`;
    const shown = page.chunks.length;
    const body =
      shown === 0
        ? "No extracted text on this page."
        : `Passages ${offset}–${offset + shown - 1} of ${page.chunk_count}` +
          `${offset + shown < page.chunk_count ? ` (more: offset ${offset + shown})` : ""}:\n` +
          (page.text?.text ?? page.chunks.map((c) => c.text).join("\n\n"));
    return { text: `${header}\n\n${body}`, structured: { document, text: page } };
  },
});

export const mcpTools: McpTool[] = [searchTool, listCollectionsTool, getDocumentTool];
