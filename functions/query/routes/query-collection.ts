import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { problemResponses } from "../../../shared/http/problem-schema.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import {
  filterComponents,
  filterExpression,
  QueryFilterSchema,
} from "../../../shared/http/schemas/filter-schema.js";
import { ChunkLocationSchema } from "../../../shared/http/schemas/location-schema.js";
import { nonBlankText } from "../../../shared/http/schemas/text.js";
import { rerankHeaderName, rerankHeaderValue } from "../../../shared/rerank/rerank-outcome.js";
import { type QueryInput, queryCollection } from "../../../shared/retrieval/query-collection.js";

export const QueryBody = z.object({
  collection_id: z.uuid(),
  query: nonBlankText()
    .max(2000)
    .transform((text) => text.trim())
    .openapi({ example: "When must planning objections be filed?" }),
  top_k: z.number().int().min(1).max(100).default(5),
  mode: z.enum(["hybrid", "vector", "keyword"]).default("hybrid"),
  filter: QueryFilterSchema.optional(),
  highlight: z.boolean().default(false).openapi({
    description:
      "Also return, for each result, where the words the keyword query matches lie in its text (`highlights`), in every mode.",
  }),
  rerank: z
    .boolean()
    .optional()
    .openapi({
      description:
        "Reorder the best RERANK_DEPTH (50) candidates with the server's reranker (a cross-encoder reading the query " +
        "and each passage together), then return the top_k: true or false; absent, the collection's `rerank` decides, " +
        "else the server's RERANK_DEFAULT. true where the server has no reranker is refused (422). A reranker that " +
        "fails or is too slow leaves the fused order; the `Docstack-Rerank` response header says which happened.",
    }),
});

const Rank = z.number().int().min(1).nullable();

const Ranks = z
  .object({
    keyword: Rank.openapi({
      description:
        "The passage's position (from 1) in the keyword (BM25) candidates, null when that side did not return it.",
    }),
    vector: Rank.openapi({
      description:
        "The passage's position (from 1) in the vector candidates, null when that side did not return it.",
    }),
  })
  .openapi({
    description:
      "Where the passage stood in each side's candidate list before fusion. In hybrid mode a side is asked for up to " +
      "4 × top_k candidates (20 to 200), fewer when those past a rank could no longer reach the top k; in keyword or " +
      "vector mode the other side is null.",
  });

const Highlight = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
});

export const Passage = z.object({
  document_id: z.uuid(),
  filename: z.string(),
  content_type: z.string(),
  chunk_index: z.number().int(),
  text: z.string().openapi({
    description:
      "The chunk's text. A chunk of table rows starts with its table's header line, which is not part of the location's span.",
  }),
  location: ChunkLocationSchema,
  score: z.number().openapi({
    description:
      "The passage's score in its mode: BM25 (keyword), cosine similarity (vector) or the fused score (hybrid). " +
      "Reranking does not change it; reranked results are ordered by `rerank_score`.",
  }),
  ranks: Ranks,
  rerank_score: z
    .number()
    .optional()
    .openapi({
      description:
        "When the results were reranked (`Docstack-Rerank: applied`): the reranker's score of the passage against " +
        "the query, higher is better; its scale is the reranker model's (0 to 1 for TEI's default, Cohere and Jina).",
    }),
  highlights: z
    .array(Highlight)
    .optional()
    .openapi({
      description:
        "With `highlight: true` only: the words of `text` that the keyword query matches, analysed as keyword search " +
        'analyses them (the collection\'s language and stemming: "refunds" marks "Refund"; excluded words mark ' +
        "nothing; a hyphenated word or a URL is marked by its matching parts). Offsets are JavaScript string indices " +
        "(UTF-16 code units), end exclusive, sorted and not overlapping; words that touch are one mark.",
    }),
});

/** The header that says what became of reranking; documented on every route that may rerank. */
export const rerankResponseHeader = {
  [rerankHeaderName]: {
    description:
      "Present when reranking was asked for (by the request, the collection or the server's default): `applied`, " +
      "or `fallback; reason=<reason>` when the results keep the fused order because the reranker timed out " +
      "(`timeout`), its circuit breaker is open after repeated failures (`circuit-open`), it failed otherwise " +
      "(`error`), or the server has none configured and a default asked for it (`not-configured`).",
    schema: { type: "string" as const, example: "fallback; reason=timeout" },
  },
};

export const queryRoute = policyRoute({
  method: "post",
  path: "/query",
  operationId: "queryCollection",
  tags: ["query"],
  summary: "Retrieve passages",
  description:
    'keyword: Okapi BM25 over Postgres full-text; words and "quoted phrases" are OR\'ed, -word excludes. ' +
    "vector: nearest chunks by embedding. hybrid (default): both, fused by weighted reciprocal rank fusion, " +
    "or by a weighted sum of each side's min-max scaled scores where the collection's embedder was measured to fuse better so (bge-small-en-v1.5).",
  middleware: [requireKey("read"), rateLimited("query")],
  request: { body: { required: true, content: { "application/json": { schema: QueryBody } } } },
  responses: {
    200: {
      description: "Ranked passages",
      headers: rerankResponseHeader,
      content: {
        "application/json": {
          schema: z.object({
            query_id: z.uuid().openapi({
              description: "Names this query in retrieval analytics and in POST /query/{query_id}/feedback",
            }),
            results: z.array(Passage),
            mode: z.string(),
            took_ms: z.number(),
          }),
        },
      },
    },
    ...problemResponses("bad_request", "not_found", "conflict", "validation_failed", "service_unavailable"),
  },
});

/** The use case's input from a parsed body: POST /query and the MCP search tool both call it. */
export function queryInputOf(body: z.output<typeof QueryBody>): QueryInput {
  return {
    collectionId: body.collection_id,
    query: body.query,
    topK: body.top_k,
    mode: body.mode,
    filter: { expression: filterExpression(body.filter) },
    highlight: body.highlight,
    rerank: body.rerank,
  };
}

export function registerQuery(app: OpenAPIHono<AppEnv>) {
  for (const [name, schema] of Object.entries(filterComponents))
    app.openAPIRegistry.registerComponent(
      "schemas",
      name,
      schema as Parameters<typeof app.openAPIRegistry.registerComponent>[2],
    );
  app.openapi(queryRoute, async (c) => {
    const started = performance.now();
    const body = c.req.valid("json");
    const { queryId, results, rerank } = await queryCollection(
      c.var.deps,
      c.var.principal,
      queryInputOf(body),
    );
    if (rerank !== undefined) c.header(rerankHeaderName, rerankHeaderValue(rerank));
    const took_ms = Math.round((performance.now() - started) * 10) / 10;
    return c.json({ query_id: queryId, results, mode: body.mode, took_ms }, 200);
  });
}
