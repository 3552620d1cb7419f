import { join, type SqlFragment, sql } from "../db/sql.js";
import { separateWords } from "./search-text.js";

/**
 * The user's search text in web-search syntax: plain words, "quoted phrases", and -excluded
 * words. Unlike Postgres's websearch_to_tsquery, which ANDs every word, plain words and phrases
 * are OR'ed and ranking decides: a question rarely shares all its words with its answer.
 * Each part is in its search form (search-text.ts), as the chunks are: the syntax is read after
 * NFKC (full-width quotes and minus signs count), and a run of Chinese or Japanese typed without
 * spaces gives its words as plain words, a quoted one a phrase of its words.
 */
export interface KeywordQuery {
  terms: string[];
  phrases: string[];
  excluded: string[];
}

export function parseKeywordQuery(text: string): KeywordQuery {
  const query: KeywordQuery = { terms: [], phrases: [], excluded: [] };
  const pattern = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;
  for (const m of text.normalize("NFKC").matchAll(pattern)) {
    const [, phraseNeg, phrase, wordNeg, word] = m;
    if (phrase !== undefined) {
      const words = separateWords(phrase).trim();
      if (words === "") continue;
      (phraseNeg ? query.excluded : query.phrases).push(words);
    } else if (word !== undefined) {
      if (wordNeg && word.length > 0) query.excluded.push(separateWords(word).trim());
      else if (word.toLowerCase() !== "or")
        query.terms.push(...separateWords(word).split(" ").filter(Boolean));
    }
  }
  return query;
}

/** The words that count for ranking, phrase words included, as one text to analyse. */
export function positiveText(query: KeywordQuery): string {
  return [...query.terms, ...query.phrases].join(" ");
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
