import {
  type FilterColumn,
  type FilterCondition,
  type FilterExpression,
  type FilterField,
  type FilterOperator,
  type FilterScalar,
  filterColumns,
  filterOperators,
} from "./filter-expression.js";
import { metadataLimits } from "./metadata.js";

/**
 * Bounds of a query filter: how deep $and/$or nest (the filter itself is level 1), how many
 * conditions in all (each operator counts one; as many as a document can have metadata
 * entries, so every key = value filter that was valid stays valid), and how long a list or a
 * string may be.
 */
export const filterLimits = {
  depth: 4,
  conditions: metadataLimits.entries,
  branches: 100,
  listItems: 1000,
  keyLength: metadataLimits.keyLength,
  valueLength: 1000,
  contentTypeLength: 200,
} as const;

export type FilterPath = (string | number)[];
export interface FilterIssue {
  path: FilterPath;
  message: string;
}

type ValueKind = "uuid" | "text" | "date" | "scalar";

const columnKind: Record<FilterColumn, ValueKind> = {
  document_id: "uuid",
  content_type: "text",
  filename: "text",
  upload_date: "date",
};

/** Which operators each kind of field takes: an id is only compared for (in)equality. */
const allowed: Record<ValueKind, readonly FilterOperator[]> = {
  uuid: ["$eq", "$ne", "$in", "$nin", "$exists"],
  text: filterOperators,
  date: ["$eq", "$ne", "$in", "$nin", "$gt", "$gte", "$lt", "$lte", "$exists"],
  scalar: filterOperators,
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** RFC 3339 date-time (with an offset, so no server's time zone decides it) or a full date (UTC midnight). */
const datePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2})))?$/;

const firstInstant = Date.parse("0001-01-01T00:00:00Z");
const lastInstant = Date.parse("9999-12-31T23:59:59.999Z");
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The instant a date or date-time names, as ISO 8601 UTC: what the database is given, so neither
 * its time zone nor its parser's limits (offsets past 15:59) decide it. Undefined for a day or
 * time that does not exist (2024-02-30, 25:00) or an instant before year 1.
 */
function isoInstant(text: string): string | undefined {
  const m = datePattern.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0, offsetHour = 0, offsetMinute = 0] = m
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offsetHour > 23 || offsetMinute > 59) return undefined;
  const time = Date.parse(`${text.slice(0, 10)}T${text.slice(11) || "00:00:00Z"}`.toUpperCase());
  if (!Number.isFinite(time)) return undefined;
  // An offset can carry year 1 or 9999 past the range ISO 8601's four digits (and PostgreSQL's
  // year 1 AD) hold; no document is uploaded outside it, so the bound answers exactly the same.
  return new Date(Math.min(Math.max(time, firstInstant), lastInstant)).toISOString();
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

class FilterError extends Error {
  constructor(readonly issue: FilterIssue) {
    super(issue.message);
  }
}

const fail = (path: FilterPath, message: string): never => {
  throw new FilterError({ path, message });
};

class Parser {
  private conditions = 0;

  /** One value of a field, checked for its kind; dates come back as ISO 8601 UTC. */
  value(kind: ValueKind, v: unknown, path: FilterPath, maxLength: number): FilterScalar {
    if (kind === "scalar") {
      if (typeof v === "number") {
        if (!Number.isFinite(v)) fail(path, "Numbers must be finite");
        return v;
      }
      if (typeof v === "boolean") return v;
      if (typeof v !== "string") return fail(path, "Expected a string, number or boolean");
    }
    if (typeof v !== "string")
      return fail(path, kind === "date" ? "Expected a date (ISO 8601)" : "Expected a string");
    if (v.includes("\u0000")) fail(path, "Strings must not contain NUL (U+0000)");
    if (v.length > maxLength) fail(path, `Strings are at most ${maxLength} characters`);
    if (kind === "uuid" && !uuidPattern.test(v)) fail(path, "Expected a UUID");
    if (kind === "date") {
      const instant = isoInstant(v);
      if (instant === undefined)
        return fail(
          path,
          "Expected a date (2024-05-01) or a date-time with an offset (2024-05-01T12:00:00Z)",
        );
      return instant;
    }
    return v;
  }

  condition(field: FilterField, op: FilterOperator, value: FilterCondition["value"]): FilterCondition {
    this.conditions += 1;
    if (this.conditions > filterLimits.conditions)
      fail([], `A filter holds at most ${filterLimits.conditions} conditions`);
    return { kind: "condition", field, op, value };
  }

  /** `{ "$gt": 3, "$lt": 9 }` on one field: each operator a condition, all of them must hold. */
  operators(
    field: FilterField,
    kind: ValueKind,
    spec: Record<string, unknown>,
    path: FilterPath,
    maxLength: number,
  ) {
    const ops = Object.keys(spec);
    if (ops.length === 0) fail(path, "Expected at least one operator");
    return ops.map((op): FilterCondition => {
      const at = [...path, op];
      if (!(filterOperators as readonly string[]).includes(op))
        fail(at, `Unknown operator ${op}; expected one of ${allowed[kind].join(", ")}`);
      const operator = op as FilterOperator;
      if (!allowed[kind].includes(operator))
        fail(at, `${op} does not apply here; expected one of ${allowed[kind].join(", ")}`);
      const v = spec[op];
      switch (operator) {
        case "$in":
        case "$nin": {
          if (!Array.isArray(v) || v.length === 0) return fail(at, "Expected a non-empty list");
          if (v.length > filterLimits.listItems)
            fail(at, `Lists hold at most ${filterLimits.listItems} values`);
          return this.condition(
            field,
            operator,
            v.map((item, i) => this.value(kind, item, [...at, i], maxLength)),
          );
        }
        case "$exists":
          if (typeof v !== "boolean") fail(at, "Expected true or false");
          return this.condition(field, operator, v as boolean);
        case "$gt":
        case "$gte":
        case "$lt":
        case "$lte":
          if (kind === "scalar" && typeof v === "boolean") fail(at, "Expected a number or a string");
          return this.condition(field, operator, this.value(kind, v, at, maxLength));
        default:
          return this.condition(field, operator, this.value(kind, v, at, maxLength));
      }
    });
  }

  /** A field's filter: a bare value ($eq), a list ($in, for document_id and content_type), or operators. */
  field(
    field: FilterField,
    kind: ValueKind,
    v: unknown,
    path: FilterPath,
    maxLength: number,
    listIsIn: boolean,
  ) {
    if (isObject(v)) return this.operators(field, kind, v, path, maxLength);
    if (Array.isArray(v)) {
      if (!listIsIn) return fail(path, "Expected a value or an object of operators");
      return this.operators(field, kind, { $in: v }, path, maxLength);
    }
    return [this.condition(field, "$eq", this.value(kind, v, path, maxLength))];
  }

  filter(v: unknown, path: FilterPath, level: number): FilterExpression[] {
    if (!isObject(v)) return fail(path, "Expected an object");
    const parts: FilterExpression[] = [];
    for (const key of Object.keys(v)) {
      const member = v[key];
      const at = [...path, key];
      if (key === "$and" || key === "$or") {
        if (level >= filterLimits.depth)
          fail(at, `$and and $or nest at most ${filterLimits.depth} levels deep`);
        if (!Array.isArray(member) || member.length === 0)
          return fail(at, "Expected a non-empty list of filters");
        if (member.length > filterLimits.branches)
          fail(at, `$and and $or hold at most ${filterLimits.branches} filters`);
        const of = member.map((item, i) => and(this.filter(item, [...at, i], level + 1)));
        parts.push({ kind: key === "$and" ? "and" : "or", of });
      } else if (key === "metadata") {
        if (!isObject(member)) return fail(at, "Expected an object of metadata keys");
        for (const name of Object.keys(member)) {
          const keyAt = [...at, name];
          if (name.length > filterLimits.keyLength)
            fail(keyAt, `Keys are at most ${filterLimits.keyLength} characters`);
          if (name.includes("\u0000")) fail(keyAt, "Keys must not contain NUL (U+0000)");
          const field: FilterField = { kind: "metadata", key: name };
          parts.push(...this.field(field, "scalar", member[name], keyAt, filterLimits.valueLength, false));
        }
      } else if ((filterColumns as readonly string[]).includes(key)) {
        const name = key as FilterColumn;
        const maxLength = name === "content_type" ? filterLimits.contentTypeLength : filterLimits.valueLength;
        const listIsIn = name === "document_id" || name === "content_type";
        parts.push(
          ...this.field({ kind: "column", name }, columnKind[name], member, at, maxLength, listIsIn),
        );
      } else {
        fail(
          at,
          `Unknown filter field ${key}; expected ${[...filterColumns, "metadata", "$and", "$or"].join(", ")}`,
        );
      }
    }
    return parts;
  }
}

function and(parts: FilterExpression[]): FilterExpression {
  return parts.length === 1 && parts[0] !== undefined ? parts[0] : { kind: "and", of: parts };
}

/**
 * A query filter as it came in the request body: its expression (undefined when it filters
 * nothing), or the first thing wrong with it, with its path inside the filter.
 */
export function parseFilter(
  value: unknown,
): { expression: FilterExpression | undefined } | { issue: FilterIssue } {
  if (value === undefined) return { expression: undefined };
  try {
    const parts = new Parser().filter(value, [], 1);
    return { expression: parts.length === 0 ? undefined : and(parts) };
  } catch (error) {
    if (error instanceof FilterError) return { issue: error.issue };
    throw error;
  }
}
