import type { Queryable } from "../db/database.js";
import { type SqlFragment, sql } from "../db/sql.js";
import { alignedSearchText, textRange } from "./aligned-search-text.js";
import { type KeywordQuery, positiveText } from "./keyword-query.js";
import { mapInSlices } from "./search-text.js";

/** A stretch of a text: UTF-16 indices, end exclusive. */
export interface Highlight {
  start: number;
  end: number;
}

/**
 * The words of each text that the keyword query matches, as keyword search sees them: each text
 * is put in its search form (NFKC, CJK words separated), the collection's text-search
 * configuration cuts the form into tokens, and a token is marked when its dictionaries give it a
 * lexeme of the query's words or phrases (stemmed: "refunds" marks "refund"; excluded words mark
 * nothing). A hyphenated word or a URL is marked by its parts. The marks are traced back from the
 * form to the text, sorted, and joined where they overlap or touch (Korean syllable pairs overlap).
 *
 * PostgreSQL finds the marks in one statement per call, two at most: headlineMarks for every form,
 * tokenMarks for the few whose headline is not the form itself.
 */
export async function highlightTexts(
  db: Queryable,
  config: string,
  query: KeywordQuery,
  texts: readonly string[],
): Promise<Highlight[][]> {
  const positive = positiveText(query);
  if (positive.trim() === "" || texts.length === 0) return texts.map(() => []);
  const aligned = await mapInSlices(texts, alignedSearchText);
  const forms = aligned.map((a) => a.form);
  const marks = await headlineMarks(db, config, positive, forms);
  const rest = forms.flatMap((_, i) => (marks[i] === undefined ? [i] : []));
  const exact = await tokenMarks(
    db,
    config,
    positive,
    rest.map((i) => forms[i] ?? ""),
  );
  rest.forEach((i, k) => {
    marks[i] = exact[k];
  });
  return aligned.map((a, i) => joined((marks[i] ?? []).map((m) => textRange(a, m.start, m.end))));
}

const startSel = "\u0001";
const stopSel = "\u0002";

/**
 * The marks of each form (UTF-16 stretches) from ts_headline with HighlightAll, or undefined for
 * a form whose headline, markers taken out, is not the form character for character: ts_headline
 * drops words too long to index (2047 bytes and more) from its output, and a form holding the
 * markers cannot be read back. Cheap: one call per form, in C.
 */
export async function headlineMarks(
  db: Queryable,
  config: string,
  positive: string,
  forms: readonly string[],
): Promise<(Highlight[] | undefined)[]> {
  const readable = forms.flatMap((f, i) => (f.includes(startSel) || f.includes(stopSel) ? [] : [i]));
  const marks: (Highlight[] | undefined)[] = forms.map(() => undefined);
  if (readable.length === 0) return marks;
  const rows = await db.query<{ n: number; headline: string }>(sql`
    with q as materialized (
      select string_agg('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || '''', ' | ')::tsquery as tq
      from unnest(to_tsvector(${config}::regconfig, ${positive}))
    )
    select f.n::int as n,
      coalesce(ts_headline(${config}::regconfig, f.form, q.tq, ${`HighlightAll=true, StartSel=${startSel}, StopSel=${stopSel}`}), f.form) as headline
    from unnest(${readable.map((i) => forms[i] ?? "")}::text[]) with ordinality f(form, n)
    cross join q`);
  for (const row of rows) {
    const i = readable[row.n - 1];
    if (i !== undefined) marks[i] = readHeadline(row.headline, forms[i] ?? "");
  }
  return marks;
}

/** The marked stretches of the form, or undefined unless the headline is the form with markers. */
function readHeadline(headline: string, form: string): Highlight[] | undefined {
  const marks: Highlight[] = [];
  let at = 0;
  let open: number | undefined;
  for (const c of headline) {
    if (c === startSel) {
      if (open !== undefined) return undefined;
      open = at;
    } else if (c === stopSel) {
      if (open === undefined) return undefined;
      marks.push({ start: open, end: at });
      open = undefined;
    } else {
      if (!form.startsWith(c, at)) return undefined;
      at += c.length;
    }
  }
  return at === form.length && open === undefined ? marks : undefined;
}

/**
 * The marks of each form (UTF-16 stretches), token by token: exact for any form, and some four
 * times the cost of headlineMarks (a row per token in SQL).
 */
export async function tokenMarks(
  db: Queryable,
  config: string,
  positive: string,
  forms: readonly string[],
): Promise<Highlight[][]> {
  if (forms.length === 0) return [];
  const rows = await db.query<{ n: number; start: number; length: number }>(
    matchedTokens(config, positive, forms),
  );
  const units = forms.map(codePointUnits);
  const marks: Highlight[][] = forms.map(() => []);
  for (const t of rows) {
    const unit = units[t.n - 1];
    if (unit !== undefined) marks[t.n - 1]?.push({ start: unit(t.start), end: unit(t.start + t.length) });
  }
  return marks;
}

/**
 * PostgreSQL counts a text's characters in code points; JavaScript indexes UTF-16 units. Maps a
 * code-point offset of the form to its unit offset.
 */
function codePointUnits(form: string): (offset: number) => number {
  if (!/[\uD800-\uDFFF]/.test(form)) return (offset) => offset;
  const units: number[] = [];
  let at = 0;
  for (const codePoint of form) {
    units.push(at);
    at += codePoint.length;
  }
  units.push(at);
  return (offset) => units[offset] ?? at;
}

/** Sorted marks, those that overlap or touch joined into one. */
function joined(marks: readonly Highlight[]): Highlight[] {
  const sorted = marks.filter((m) => m.end > m.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Highlight[] = [];
  for (const m of sorted) {
    const last = out.at(-1);
    if (last !== undefined && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else out.push({ ...m });
  }
  return out;
}

/**
 * One row per token of a form that the query matches: the form's number (from 1), the token's
 * start and length in code points.
 *
 * - The parser emits every character of a form once, in order, except that a compound token (a
 *   URL, a hyphenated word) comes first whole and then again as its parts; a token's start is the
 *   length of the tokens before it, compounds left out. Compounds are not marked themselves, as
 *   ts_headline does not mark them: their parts are.
 * - A token is looked up as ts_debug shows: the first dictionary mapped to its type that knows it
 *   gives its lexemes. Each distinct token is looked up once for all forms.
 * - Tokens of 2047 bytes and more are not indexed (to_tsvector skips them), so they match nothing.
 */
function matchedTokens(config: string, positive: string, forms: readonly string[]): SqlFragment {
  return sql`
    with q as materialized (
      select array_agg(lexeme) as lexemes
      from unnest(to_tsvector(${config}::regconfig, ${positive}))
    ),
    cfg as materialized (
      select c.oid, c.cfgparser,
        (select array_agg(tt.tokid) from ts_token_type(c.cfgparser) tt
          where tt.alias in ('url', 'asciihword', 'hword', 'numhword')) as compounds,
        (select array_agg(distinct m.maptokentype) from pg_ts_config_map m where m.mapcfg = c.oid) as mapped
      from pg_ts_config c
      where c.oid = ${config}::regconfig
    ),
    tokens as materialized (
      select t.n, t.tokid, t.token, t.start
      from (
        select f.n, t.tokid, t.token, t.tokid = any(cfg.compounds) as compound,
          sum(case when t.tokid = any(cfg.compounds) then 0 else char_length(t.token) end)
            over (partition by f.n order by t.i) - char_length(t.token) as start
        from unnest(${forms}::text[]) with ordinality f(form, n)
        cross join cfg
        cross join lateral ts_parse(cfg.cfgparser, f.form) with ordinality t(tokid, token, i)
      ) t
      cross join cfg
      where not t.compound and t.tokid = any(cfg.mapped) and octet_length(t.token) < 2047
    ),
    matched as materialized (
      select w.tokid, w.token
      from (select distinct tokid, token from tokens) w
      cross join cfg
      cross join q
      where (
        select l.lexemes
        from pg_ts_config_map m
        cross join lateral (select ts_lexize(m.mapdict::regdictionary, w.token) as lexemes) l
        where m.mapcfg = cfg.oid and m.maptokentype = w.tokid and l.lexemes is not null
        order by m.mapseqno
        limit 1
      ) && q.lexemes
    )
    select t.n::int as n, t.start::int as start, char_length(t.token)::int as length
    from tokens t
    join matched m on m.tokid = t.tokid and m.token = t.token
    order by t.n, t.start`;
}
