import { join, type SqlFragment, sql } from "../db/sql.js";

/**
 * The user's search text in web-search syntax: plain words, "quoted phrases", and -excluded
 * words. Unlike Postgres's websearch_to_tsquery, which ANDs every word, plain words and phrases
 * are OR'ed and ranking decides: a question rarely shares all its words with its answer.
 */
export interface KeywordQuery {
  terms: string[];
  phrases: string[];
  excluded: string[];
}

export function parseKeywordQuery(text: string): KeywordQuery {
  const query: KeywordQuery = { terms: [], phrases: [], excluded: [] };
  const pattern = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;
  for (const m of text.matchAll(pattern)) {
    const [, phraseNeg, phrase, wordNeg, word] = m;
    if (phrase !== undefined) {
      if (phrase.trim() === "") continue;
      (phraseNeg ? query.excluded : query.phrases).push(phrase.trim());
    } else if (word !== undefined) {
      if (wordNeg && word.length > 0) query.excluded.push(word);
      else if (word.toLowerCase() !== "or") query.terms.push(word);
    }
  }
  return query;
}

/** The tsquery as SQL, or undefined when nothing positive is asked for. */
export function tsqueryFragment(query: KeywordQuery, config = "english"): SqlFragment | undefined {
  const positive = [
    ...query.terms.map((t) => sql`plainto_tsquery(${config}::regconfig, ${t})`),
    ...query.phrases.map((p) => sql`phraseto_tsquery(${config}::regconfig, ${p})`),
  ];
  if (positive.length === 0) return undefined;
  const any = sql`(${join(positive, " || ")})`;
  if (query.excluded.length === 0) return any;
  const none = query.excluded.map((e) => sql`!! plainto_tsquery(${config}::regconfig, ${e})`);
  return sql`(${any} && ${join(none, " && ")})`;
}
