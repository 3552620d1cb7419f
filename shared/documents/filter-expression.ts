import { join, raw, type SqlFragment, sql } from "../db/sql.js";

/**
 * A document filter with operators: conditions on a document's columns or metadata keys,
 * combined with and/or. Built by parseFilter (shared/documents/parse-filter.ts), rendered here
 * as SQL on alias `d`, so keyword, vector and hybrid search select the same documents.
 */
export const filterOperators = [
  "$eq",
  "$ne",
  "$in",
  "$nin",
  "$gt",
  "$gte",
  "$lt",
  "$lte",
  "$exists",
  "$contains",
] as const;
/**
 * Operators only other entry points build (Dify's "start with", "end with", "empty"): the query
 * filter's contract keeps the ten above.
 */
export type InternalFilterOperator = "$startsWith" | "$endsWith" | "$empty";
export type FilterOperator = (typeof filterOperators)[number] | InternalFilterOperator;

export type FilterScalar = string | number | boolean;

export const filterColumns = ["document_id", "content_type", "filename", "upload_date"] as const;
export type FilterColumn = (typeof filterColumns)[number];

export type FilterField = { kind: "metadata"; key: string } | { kind: "column"; name: FilterColumn };

export interface FilterCondition {
  kind: "condition";
  field: FilterField;
  op: FilterOperator;
  /** A list for $in/$nin, a boolean for $exists, one value otherwise (dates as ISO 8601 UTC). */
  value: FilterScalar | FilterScalar[];
}

export type FilterExpression =
  | { kind: "and"; of: FilterExpression[] }
  | { kind: "or"; of: FilterExpression[] }
  | { kind: "not"; of: FilterExpression }
  | FilterCondition;

const columnSql: Record<FilterColumn, { column: SqlFragment; type: "uuid" | "text" | "timestamptz" }> = {
  document_id: { column: raw("d.id"), type: "uuid" },
  content_type: { column: raw("d.content_type"), type: "text" },
  filename: { column: raw("d.filename"), type: "text" },
  upload_date: { column: raw("d.upload_date"), type: "timestamptz" },
};

const comparisons: Partial<Record<FilterOperator, SqlFragment>> = {
  $gt: raw(">"),
  $gte: raw(">="),
  $lt: raw("<"),
  $lte: raw("<="),
};

const list = (value: FilterCondition["value"]): FilterScalar[] => (Array.isArray(value) ? value : [value]);
const one = (value: FilterCondition["value"]): FilterScalar =>
  Array.isArray(value) ? (value[0] ?? "") : value;

/** Columns are never null: $exists is true for every document, and $ne/$nin need no null case. */
function columnCondition(
  name: FilterColumn,
  op: FilterOperator,
  value: FilterCondition["value"],
): SqlFragment {
  const { column, type } = columnSql[name];
  const cast = raw(`::${type}`);
  const castList = raw(`::${type}[]`);
  switch (op) {
    case "$eq":
      return sql`${column} = ${one(value)}${cast}`;
    case "$ne":
      return sql`${column} <> ${one(value)}${cast}`;
    case "$in":
      return sql`${column} = any(${list(value)}${castList})`;
    case "$nin":
      return sql`${column} <> all(${list(value)}${castList})`;
    case "$exists":
      return raw(value === true ? "true" : "false");
    case "$contains":
      return sql`strpos(${column}, ${one(value)}::text) > 0`;
    case "$startsWith":
      return sql`starts_with(${column}, ${one(value)}::text)`;
    case "$endsWith":
      return sql`right(${column}, char_length(${one(value)}::text)) = ${one(value)}::text`;
    case "$empty":
      return sql`${column}::text = ''`;
    default: {
      const comparison = comparisons[op] ?? raw("=");
      // Text compares by code point ("C"), the same on every server whatever its default collation.
      return type === "text"
        ? sql`${column} collate "C" ${comparison} ${one(value)}::text`
        : sql`${column} ${comparison} ${one(value)}${cast}`;
    }
  }
}

/**
 * Metadata keys and values are always bound parameters. Equality is jsonb containment, as the
 * key = value form always was: type-sensitive (2024 is not "2024"), and a missing key is not equal
 * to anything, so $ne and $nin match documents without the key. Ranges compare numbers with
 * numbers and strings with strings (by code point); a value of another type never matches.
 */
function metadataCondition(key: string, op: FilterOperator, value: FilterCondition["value"]): SqlFragment {
  const member = sql`(d.metadata -> ${key}::text)`;
  const text = sql`(d.metadata ->> ${key}::text)`;
  const equal = (v: FilterScalar) =>
    sql`d.metadata @> jsonb_build_object(${key}::text, ${JSON.stringify(v)}::jsonb)`;
  const among = sql`coalesce(${member} in (select jsonb_array_elements(${JSON.stringify(list(value))}::jsonb)), false)`;
  switch (op) {
    case "$eq":
      return equal(one(value));
    case "$ne":
      return sql`not ${equal(one(value))}`;
    case "$in":
      return among;
    case "$nin":
      return sql`not ${among}`;
    case "$exists":
      return value === true ? sql`${member} is not null` : sql`${member} is null`;
    case "$contains": {
      const v = one(value);
      const inArray = sql`${member} @> ${JSON.stringify([v])}::jsonb`;
      return typeof v === "string"
        ? sql`coalesce(case jsonb_typeof(${member}) when 'array' then ${inArray} when 'string' then strpos(${text}, ${v}::text) > 0 else false end, false)`
        : sql`coalesce(jsonb_typeof(${member}) = 'array' and ${inArray}, false)`;
    }
    case "$startsWith":
      return sql`coalesce(case when jsonb_typeof(${member}) = 'string' then starts_with(${text}, ${String(one(value))}::text) end, false)`;
    case "$endsWith": {
      const v = String(one(value));
      return sql`coalesce(case when jsonb_typeof(${member}) = 'string' then right(${text}, char_length(${v}::text)) = ${v}::text end, false)`;
    }
    case "$empty":
      // Missing, null, "", [] or {}.
      return sql`coalesce(${member} in ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb), true)`;
    default: {
      const v = one(value);
      const comparison = comparisons[op] ?? raw("=");
      // CASE, not AND: the cast must only ever see a value of the right type.
      return typeof v === "number"
        ? sql`coalesce(case when jsonb_typeof(${member}) = 'number' then ${text}::numeric ${comparison} ${v}::numeric end, false)`
        : sql`coalesce(case when jsonb_typeof(${member}) = 'string' then ${text} collate "C" ${comparison} ${String(v)}::text end, false)`;
    }
  }
}

/** The expression as one SQL condition on alias `d` (every value a bound parameter). */
export function filterSql(expression: FilterExpression): SqlFragment {
  switch (expression.kind) {
    case "and":
      return expression.of.length === 0 ? raw("true") : sql`(${join(expression.of.map(filterSql), " and ")})`;
    case "or":
      return expression.of.length === 0 ? raw("false") : sql`(${join(expression.of.map(filterSql), " or ")})`;
    case "not":
      return sql`(not ${filterSql(expression.of)})`;
    case "condition":
      return expression.field.kind === "metadata"
        ? metadataCondition(expression.field.key, expression.op, expression.value)
        : columnCondition(expression.field.name, expression.op, expression.value);
  }
}
