import type { Principal } from "../auth/principal.js";
import type { Deps } from "../deps/deps.js";
import type { FilterExpression, FilterOperator, FilterScalar } from "../documents/filter-expression.js";
import { ApiError } from "../errors/api-error.js";
import type { RerankOutcome } from "../rerank/rerank-outcome.js";
import { queryCollection } from "./query-collection.js";
import { bestFusedScore, fusionFor } from "./search.js";

/** The comparison operators of Dify's External Knowledge API (with "null"/"not null" of its older pages). */
export const difyOperators = [
  "contains",
  "not contains",
  "start with",
  "end with",
  "is",
  "is not",
  "in",
  "not in",
  "empty",
  "not empty",
  "null",
  "not null",
  "=",
  "≠",
  ">",
  "<",
  "≥",
  "≤",
  "before",
  "after",
] as const;
export type DifyOperator = (typeof difyOperators)[number];

export interface DifyCondition {
  /** A metadata key; Dify's older pages send a list, any of whose keys may match. */
  name: string | string[];
  comparison_operator: DifyOperator;
  value?: string | number | (string | number)[] | undefined;
}

export interface DifyMetadataCondition {
  logical_operator: "and" | "or";
  conditions: DifyCondition[];
}

export interface DifyRetrievalInput {
  knowledgeId: string;
  query: string;
  topK: number;
  scoreThreshold: number;
  metadataCondition?: DifyMetadataCondition | undefined;
}

export interface DifyRecord {
  content: string;
  score: number;
  title: string;
  /** Where the passage comes from: the document, and the chunk's location fields. */
  metadata: { document_id: string; filename: string; content_type: string; chunk_index: number } & Record<
    string,
    unknown
  >;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One Dify operator as our operator, negated or not, and what value it needs. */
const mapping: Record<
  DifyOperator,
  { op: FilterOperator; not?: true; value: "text" | "number" | "list" | "scalar" | "none" }
> = {
  contains: { op: "$contains", value: "text" },
  "not contains": { op: "$contains", not: true, value: "text" },
  "start with": { op: "$startsWith", value: "text" },
  "end with": { op: "$endsWith", value: "text" },
  is: { op: "$eq", value: "scalar" },
  "is not": { op: "$ne", value: "scalar" },
  in: { op: "$in", value: "list" },
  "not in": { op: "$nin", value: "list" },
  empty: { op: "$empty", value: "none" },
  "not empty": { op: "$empty", not: true, value: "none" },
  null: { op: "$empty", value: "none" },
  "not null": { op: "$empty", not: true, value: "none" },
  "=": { op: "$eq", value: "number" },
  "≠": { op: "$ne", value: "number" },
  ">": { op: "$gt", value: "number" },
  "<": { op: "$lt", value: "number" },
  "≥": { op: "$gte", value: "number" },
  "≤": { op: "$lte", value: "number" },
  // Dates are compared as stored: ISO 8601 strings by code point, Unix times as numbers.
  before: { op: "$lt", value: "scalar" },
  after: { op: "$gt", value: "scalar" },
};

function invalid(path: string, message: string): never {
  throw new ApiError("validation_failed", "The metadata condition is invalid", {
    errors: [{ path, message }],
  });
}

function conditionValue(c: DifyCondition, kind: (typeof mapping)[DifyOperator]["value"], path: string) {
  const v = c.value;
  switch (kind) {
    case "none":
      return true;
    case "text":
      if (typeof v !== "string") invalid(path, `"${c.comparison_operator}" takes a string`);
      return v;
    case "number": {
      // Dify sends numbers as numbers or as their text.
      const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
      if (typeof n !== "number" || !Number.isFinite(n))
        invalid(path, `"${c.comparison_operator}" takes a number`);
      return n;
    }
    case "list": {
      const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
      if (list.length === 0) invalid(path, `"${c.comparison_operator}" takes a non-empty list`);
      return list;
    }
    default:
      if (typeof v !== "string" && typeof v !== "number")
        invalid(path, `"${c.comparison_operator}" takes a string or a number`);
      return v;
  }
}

/** Dify's metadata condition as a filter expression on metadata keys. */
export function difyFilter(condition: DifyMetadataCondition | undefined): FilterExpression | undefined {
  if (condition === undefined || condition.conditions.length === 0) return undefined;
  const parts = condition.conditions.map((c, i): FilterExpression => {
    const { op, not, value: kind } = mapping[c.comparison_operator];
    const value = conditionValue(c, kind, `metadata_condition.conditions.${i}.value`) as
      | FilterScalar
      | FilterScalar[];
    const names = Array.isArray(c.name) ? c.name : [c.name];
    const each = names.map((key): FilterExpression => {
      const condition: FilterExpression = { kind: "condition", field: { kind: "metadata", key }, op, value };
      return not ? { kind: "not", of: condition } : condition;
    });
    return each.length === 1 && each[0] !== undefined ? each[0] : { kind: "or", of: each };
  });
  return { kind: condition.logical_operator, of: parts };
}

/**
 * POST /retrieval (Dify's External Knowledge API): the hybrid search of POST /query over the
 * collection named by `knowledge_id`, its passages as Dify's records. Scores are the fused
 * score over the most it can reach (first in both lists), so 1 is the best possible answer and
 * Dify's score_threshold (0 to 1) cuts the list where it means to. Dify has no field for
 * reranking: the collection's default decides, and reranked records keep that fused score, in
 * the reranker's order.
 */
export async function retrieveForDify(
  deps: Deps,
  actor: Principal,
  input: DifyRetrievalInput,
): Promise<{ records: DifyRecord[]; rerank?: RerankOutcome }> {
  const expression = difyFilter(input.metadataCondition);
  if (!uuidPattern.test(input.knowledgeId))
    throw new ApiError("not_found", `Collection ${input.knowledgeId} not found`);
  const answer = await queryCollection(deps, actor, {
    collectionId: input.knowledgeId,
    query: input.query,
    topK: input.topK,
    mode: "hybrid",
    filter: { expression },
  });
  const best = bestFusedScore(fusionFor(answer.collection));
  const records = answer.results
    .map((r) => ({ r, score: Math.min(1, Math.round((r.score / best) * 1e6) / 1e6) }))
    .filter(({ score }) => score >= input.scoreThreshold)
    .map(({ r, score }) => ({
      content: r.text,
      score,
      title: r.filename,
      metadata: {
        document_id: r.document_id,
        filename: r.filename,
        content_type: r.content_type,
        chunk_index: r.chunk_index,
        ...r.location,
      },
    }));
  return { records, ...(answer.rerank === undefined ? {} : { rerank: answer.rerank }) };
}
