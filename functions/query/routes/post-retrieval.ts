import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { filterLimits } from "../../../shared/documents/parse-filter.js";
import type { AppEnv } from "../../../shared/http/create-app.js";
import { DifyErrorSchema, difyErrors } from "../../../shared/http/dify-errors.js";
import { policyRoute, rateLimited, requireKey } from "../../../shared/http/route-policy.js";
import { nonBlankText, storedText } from "../../../shared/http/schemas/text.js";
import { rerankHeaderName, rerankHeaderValue } from "../../../shared/rerank/rerank-outcome.js";
import { type DifyCondition, retrieveForDify } from "../../../shared/retrieval/dify-retrieval.js";
import { rerankResponseHeader } from "./query-collection.js";

const key = storedText().min(1).max(filterLimits.keyLength);
const text = storedText().max(filterLimits.valueLength);
const scalar = z.union([text, z.number()]);
/** A number, or its decimal text (Dify sends either). */
const numeric = z.union([z.number(), z.string().regex(/^\s*-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d{1,2})?\s*$/)]);

const name = z.union([key, z.array(key).min(1).max(16)]).openapi({
  description:
    "A metadata key (Dify's older pages send a list: the condition holds if it holds for any of them).",
  example: "department",
});

/** One variant per kind of value Dify's operators take, so the contract says which value goes with which. */
const Condition = z.discriminatedUnion("comparison_operator", [
  z.object({
    name,
    comparison_operator: z.enum(["contains", "not contains", "start with", "end with"]),
    value: text,
  }),
  z.object({ name, comparison_operator: z.enum(["is", "is not", "before", "after"]), value: scalar }),
  z.object({
    name,
    comparison_operator: z.enum(["in", "not in"]),
    value: z.union([scalar, z.array(scalar).min(1).max(filterLimits.listItems)]),
  }),
  z.object({
    name,
    comparison_operator: z.enum(["=", "≠", ">", "<", "≥", "≤"]).openapi({
      // Names for generators that make identifiers of enum values (typescript-fetch has none for ≠ ≥ ≤).
      "x-enum-varnames": ["Equal", "NotEqual", "GreaterThan", "LessThan", "GreaterOrEqual", "LessOrEqual"],
    }),
    value: numeric,
  }),
  z.object({
    name,
    comparison_operator: z.enum(["empty", "not empty", "null", "not null"]),
    value: z.unknown().optional().openapi({ description: "Not used" }),
  }),
]);

const RetrievalBody = z.object({
  knowledge_id: storedText().min(1).max(200).openapi({
    description: "The collection's id (Dify's External Knowledge ID).",
    example: "your-knowledge-id",
  }),
  query: nonBlankText().max(2000).openapi({ example: "What is Dify?" }),
  retrieval_setting: z.object({
    top_k: z.number().int().min(1).max(100).openapi({ example: 3 }),
    score_threshold: z.number().min(0).max(1).default(0).openapi({
      description: "Records scoring below are left out (0 when Dify's threshold is off).",
      example: 0.5,
    }),
  }),
  metadata_condition: z
    .object({
      logical_operator: z.enum(["and", "or"]).default("and"),
      conditions: z.array(Condition).max(filterLimits.conditions),
    })
    .optional()
    .openapi({ description: "Conditions on document metadata keys (docs/integrations.md, Connect Dify)." }),
});

const DifyRecordSchema = z.object({
  content: z.string().openapi({ description: "The passage's text" }),
  score: z.number().min(0).max(1).openapi({
    description:
      "The hybrid score over the best it can be (first in both keyword and vector ranking): 0 to 1",
  }),
  title: z.string().openapi({ description: "The document's file name" }),
  metadata: z
    .object({
      document_id: z.uuid(),
      filename: z.string(),
      content_type: z.string(),
      chunk_index: z.number().int(),
    })
    .catchall(z.unknown())
    .openapi({
      description:
        "Where the passage comes from, to cite it: the document, and its location (page_start/page_end, sheet, " +
        "row_start/row_end, headings, char_start/char_end) as POST /query gives it.",
    }),
});

const difyError = (description: string) => ({
  description,
  content: { "application/json": { schema: DifyErrorSchema } },
});

export const retrievalRoute = policyRoute({
  method: "post",
  path: "/retrieval",
  operationId: "difyRetrieval",
  tags: ["query"],
  summary: "Dify External Knowledge API",
  description:
    "Dify's External Knowledge API: register Docstack's URL and an API key in Dify, and a collection's id as the " +
    "External Knowledge ID. Hybrid search, as POST /query, reranked when the collection's `rerank` default (or the server's) says so. Errors are Dify's `{error_code, error_msg}`, not " +
    "problem+json: 1001 no or malformed Authorization header, 1002 key refused, 2001 no such collection.",
  middleware: [difyErrors(), requireKey("read"), rateLimited("query")],
  request: { body: { required: true, content: { "application/json": { schema: RetrievalBody } } } },
  responses: {
    200: {
      description: "The records, best first",
      headers: rerankResponseHeader,
      content: { "application/json": { schema: z.object({ records: z.array(DifyRecordSchema) }) } },
    },
    400: difyError("3001: the body is not JSON"),
    401: difyError(
      "1001: no credential or an Authorization header not of the form `Bearer <key>`; 1002: key unknown or revoked",
    ),
    403: difyError("1002: the key lacks the read scope, or may not use this collection"),
    404: difyError("2001: no collection has this knowledge_id"),
    409: difyError("3002: the collection was embedded by another model than the one configured"),
    413: difyError("3001: the body is too large"),
    415: difyError("3001: the body is not JSON"),
    422: difyError("3001: the body does not match the schema (the message names the field)"),
    429: difyError("4001: rate limited (Retry-After says when to retry)"),
    500: difyError("5000: unexpected error"),
    503: difyError("5001: a dependency is unavailable or the server is overloaded (Retry-After)"),
  },
});

export function registerRetrieval(app: OpenAPIHono<AppEnv>) {
  app.openapi(retrievalRoute, async (c) => {
    const body = c.req.valid("json");
    const { records, rerank } = await retrieveForDify(c.var.deps, c.var.principal, {
      knowledgeId: body.knowledge_id,
      query: body.query.trim(),
      topK: body.retrieval_setting.top_k,
      scoreThreshold: body.retrieval_setting.score_threshold,
      metadataCondition: body.metadata_condition && {
        logical_operator: body.metadata_condition.logical_operator,
        // The schema has checked each value against its operator; the use case checks again.
        conditions: body.metadata_condition.conditions as DifyCondition[],
      },
    });
    if (rerank !== undefined) c.header(rerankHeaderName, rerankHeaderValue(rerank));
    return c.json({ records }, 200);
  });
}
