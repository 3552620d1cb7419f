import { z } from "@hono/zod-openapi";
import type { FilterExpression } from "../../documents/filter-expression.js";
import { filterLimits, parseFilter } from "../../documents/parse-filter.js";
import { nulFreePattern } from "./text.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const text = (maxLength: number) => ({ type: "string", maxLength, pattern: nulFreePattern });
const listOf = (items: object) => ({ type: "array", items, minItems: 1, maxItems: filterLimits.listItems });
const uuid = { type: "string", format: "uuid" };
const filterDate = {
  anyOf: [
    { type: "string", format: "date-time" },
    { type: "string", format: "date" },
  ],
};

function operators(equal: object, order: object | undefined, contains: boolean, description: string) {
  const properties: Record<string, object> = {
    $eq: equal,
    $ne: equal,
    $in: listOf(equal),
    $nin: listOf(equal),
  };
  if (order !== undefined) for (const op of ["$gt", "$gte", "$lt", "$lte"]) properties[op] = order;
  properties.$exists = { type: "boolean" };
  if (contains) properties.$contains = equal;
  return { type: "object", properties, additionalProperties: false, minProperties: 1, description };
}

const levels = filterLimits.depth;
const levelName = (level: number) => (level === 1 ? "QueryFilter" : `QueryFilterLevel${level}`);

function filterLevel(level: number) {
  const properties: Record<string, object> = {
    document_id: { anyOf: [uuid, listOf(uuid), ref("IdOperators")] },
    content_type: {
      anyOf: [
        text(filterLimits.contentTypeLength),
        listOf(text(filterLimits.contentTypeLength)),
        ref("ContentTypeOperators"),
      ],
    },
    filename: { anyOf: [text(filterLimits.valueLength), ref("FilenameOperators")] },
    upload_date: { anyOf: [filterDate, ref("DateOperators")] },
    metadata: {
      type: "object",
      propertyNames: { maxLength: filterLimits.keyLength, pattern: nulFreePattern },
      additionalProperties: { anyOf: [ref("FilterValue"), ref("MetadataOperators")] },
      maxProperties: filterLimits.conditions,
      description:
        "Conditions on metadata keys: a bare value is `$eq`, or an object of operators. All must hold.",
      example: { department: "planning", year: { $gte: 2020 } },
    },
  };
  if (level < levels) {
    const branches = {
      type: "array",
      items: ref(levelName(level + 1)),
      minItems: 1,
      maxItems: filterLimits.branches,
    };
    properties.$and = { ...branches, description: "Every one of these filters holds." };
    properties.$or = { ...branches, description: "At least one of these filters holds." };
  }
  return {
    type: "object",
    properties,
    additionalProperties: false,
    description:
      level === 1
        ? "Which documents to search. Fields are AND'ed; `$and`/`$or` combine filters, nesting at most " +
          `${levels} levels deep, with at most ${filterLimits.conditions} conditions in all (each operator ` +
          "counts one). Operators: `$eq $ne $in $nin $gt $gte $lt $lte $exists $contains` (docs/api.md, Filters)."
        : `A filter nested ${level - 1} level${level > 2 ? "s" : ""} down ($and/$or).`,
  };
}

const filterValue = {
  anyOf: [text(filterLimits.valueLength), { type: "number" }, { type: "boolean" }],
};

/**
 * The filter's JSON Schema pieces, registered as components of the operations that take a
 * filter. The levels are spelt out, not recursive, so the depth bound is in the contract and
 * every generator (openapi-typescript, openapi-python-client, schemathesis) reads it plainly.
 */
export const filterComponents: Record<string, object> = {
  FilterValue: filterValue,
  MetadataOperators: operators(
    filterValue,
    { anyOf: [text(filterLimits.valueLength), { type: "number" }] },
    true,
    "`$gt`…`$lte` compare numbers with numbers and strings with strings (by code point); a stored value of " +
      "another type never matches. `$ne`/`$nin` match documents without the key. `$contains`: an element of an " +
      "array, or a substring of a string (case-sensitive).",
  ),
  ContentTypeOperators: operators(
    text(filterLimits.contentTypeLength),
    text(filterLimits.contentTypeLength),
    true,
    "Operators on the content type; comparisons by code point, `$contains` a case-sensitive substring.",
  ),
  FilenameOperators: operators(
    text(filterLimits.valueLength),
    text(filterLimits.valueLength),
    true,
    "Operators on the file name; comparisons by code point, `$contains` a case-sensitive substring.",
  ),
  DateOperators: operators(
    filterDate,
    filterDate,
    false,
    "Operators on the upload time: a date-time with an offset, or a date (midnight UTC).",
  ),
  IdOperators: operators(uuid, undefined, false, "Operators on the document id."),
  ...Object.fromEntries(Array.from({ length: levels - 1 }, (_, i) => [levelName(i + 2), filterLevel(i + 2)])),
};

/**
 * A query filter (POST /query, and any tool that searches): validated by parseFilter, so a
 * malformed one is refused with the path of what is wrong (`filter.metadata.year.$gt`). The value
 * passes through as it came; `filterExpression` turns it into the expression search applies.
 */
export const QueryFilterSchema = z
  .custom<Record<string, unknown>>()
  .superRefine((value, ctx) => {
    const parsed = parseFilter(value);
    if ("issue" in parsed)
      ctx.addIssue({ code: "custom", message: parsed.issue.message, path: parsed.issue.path });
  })
  .meta({ ...filterLevel(1), example: { metadata: { department: "planning", year: { $gte: 2020 } } } });

/** The expression of a filter QueryFilterSchema has accepted (undefined: no filter). */
export function filterExpression(value: unknown): FilterExpression | undefined {
  const parsed = parseFilter(value);
  if ("issue" in parsed) throw new TypeError(`filter not validated: ${parsed.issue.message}`);
  return parsed.expression;
}
