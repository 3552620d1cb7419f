import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.js";
import { createPgliteDatabase } from "../db/pglite-database.js";
import { sql } from "../db/sql.js";
import { type Highlight, headlineMarks, highlightTexts, tokenMarks } from "./highlight.js";
import { parseKeywordQuery } from "./keyword-query.js";
import { searchText } from "./search-text.js";

// Highlighting needs no tables: only PostgreSQL's parser, dictionaries and configurations.
let db: Database;
beforeAll(async () => {
  db = await createPgliteDatabase();
});
afterAll(() => db.close());

const parserPieces = [
  "http://example.com:8080/a/refund?x=1#y",
  "https://ex.org",
  "a.b@ex.org",
  "/usr/local/x.txt",
  "C:\\dir\\f.doc",
  "1.2.3",
  "-1.5e10",
  "3,14",
  "e-mail",
  "co-op-2",
  "12-abc",
  "abc-12",
  "naïve-café",
  "<b>",
  "</p>",
  "&amp;",
  "&#x41;",
  "word",
  " ",
  "\r\n",
  "\t",
  "--",
  "'",
  "ﬁ",
  "東京 都",
  "😀",
  "x".repeat(2100),
];

/** Deterministic random texts from pieces, so that a failing one can be found again. */
function randomTexts(count: number, pieces: readonly string[], maxPieces: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 1 + Math.floor(next() * maxPieces) },
      () => pieces[Math.floor(next() * pieces.length)],
    ).join(""),
  );
}

const marks = async (query: string, text: string, config = "english") => {
  const [found = []] = await highlightTexts(db, config, parseKeywordQuery(query), [text]);
  return found;
};
const marked = (text: string, found: readonly Highlight[]) => found.map((m) => text.slice(m.start, m.end));

describe("highlightTexts", () => {
  it("marks stemmed matches at exact offsets through whitespace, punctuation and Windows line ends", async () => {
    const text = "Refunds:\r\n  the REFUND policy, (refunding)\ta refund-policy.";
    const found = await marks("refunds", text);
    expect(found).toEqual([
      { start: 0, end: 7 },
      { start: 16, end: 22 },
      { start: 32, end: 41 },
      { start: 45, end: 51 },
    ]);
    expect(marked(text, found)).toEqual(["Refunds", "REFUND", "refunding", "refund"]);
  });

  it.each([
    // UTF-16 offsets past astral characters (PostgreSQL counts code points).
    ["refund", "😀😀 refund 𠮷 refund", ["refund", "refund"]],
    ["café naïve", "Café au lait, naïve", ["Café", "naïve"]],
    // Compatibility forms are matched by their NFKC letters and marked as written.
    ["refund financial", "(ＲＥＦＵＮＤ) the ﬁnancial year", ["ＲＥＦＵＮＤ", "ﬁnancial"]],
    ["café", "cafe\u0301 au lait", ["cafe\u0301"]],
    // CJK words separated as keyword search separates them.
    ["東京", "Docstackは東京都に住んでいます。東京", ["東京", "東京"]],
    ["学习", "我在北京大学学习。今天天气很好", ["学习"]],
    // Korean syllable pairs overlap in the text: marked once, joined.
    ["학교에서", "우리 학교에서 공부합니다", ["학교에서"]],
    ["학교", "학교에서", ["학교"]],
    // Hyphenated words: by their parts.
    ["mail", "e-mail me", ["mail"]],
    ["e-mail", "e-mail me", ["e", "mail"]],
    // Words that touch are one mark.
    ["東京 都", "東京都に", ["東京都"]],
    // Phrases mark their words; excluded words mark nothing; stop words mark nothing.
    ['"refund policy" -fees', "fees: the refund policy and fees", ["refund", "policy"]],
    ["the of", "the end of it", []],
    ["-refund", "refund", []],
    // As keyword search sees it, a URL's path is not a word of the text.
    ["refund", "see http://example.com/refund or refund", ["refund"]],
    // Markup-like text is text.
    ["bold", "<b>bold</b> &amp; bold", ["bold", "bold"]],
  ])("%j in %j", async (query, text, expected) => {
    expect(marked(text, await marks(query, text))).toEqual(expected);
  });

  it("analyses with the collection's configuration", async () => {
    const text = "Les chevaux courent";
    expect(marked(text, await marks("cheval", text, "french"))).toEqual(["chevaux"]);
    expect(await marks("cheval", text, "english")).toEqual([]);
  });

  it("marks long texts to their end, past words too long to index (which ts_headline drops)", async () => {
    expect(await headlineMarks(db, "english", "refund", [`${"x".repeat(3000)} refund`])).toEqual([undefined]);
    const long = `${"x".repeat(3000)} refund ${"filler words here ".repeat(2000)}final refund`;
    const found = await marks("refund", long);
    expect(found).toEqual([
      { start: 3001, end: 3007 },
      { start: long.length - 6, end: long.length },
    ]);
  });

  it("marks a text holding ts_headline's markers", async () => {
    const text = "\u0001refund\u0002 refund";
    expect(await headlineMarks(db, "english", "refund", [text])).toEqual([undefined]);
    expect(marked(text, await marks("refund", text))).toEqual(["refund", "refund"]);
  });

  it("marks each text of a batch by its own offsets", async () => {
    const texts = ["refund", "", "no match here", "a refund"];
    const found = await highlightTexts(db, "english", parseKeywordQuery("refund"), texts);
    expect(found).toEqual([[{ start: 0, end: 6 }], [], [], [{ start: 2, end: 8 }]]);
  });

  it("rests on the parser giving every character once, in order, compounds aside", async () => {
    const texts = randomTexts(300, parserPieces, 12, 11);
    const rows = await db.query<{ n: number; alias: string; token: string }>(sql`
      select f.n::int as n, tt.alias, t.token
      from unnest(${texts}::text[]) with ordinality f(text, n)
      cross join lateral ts_parse('default', f.text) with ordinality t(tokid, token, i)
      join ts_token_type('default') tt on tt.tokid = t.tokid
      order by f.n, t.i`);
    const compounds = new Set(["url", "asciihword", "hword", "numhword"]);
    const spelt = texts.map(() => "");
    const wholes: { n: number; token: string; at: number }[] = [];
    for (const r of rows) {
      if (compounds.has(r.alias))
        wholes.push({ n: r.n - 1, token: r.token, at: spelt[r.n - 1]?.length ?? 0 });
      else spelt[r.n - 1] += r.token;
    }
    expect(spelt).toEqual(texts);
    expect(new Set(rows.filter((r) => compounds.has(r.alias)).map((r) => r.alias))).toEqual(compounds);
    for (const w of wholes) expect(texts[w.n]?.slice(w.at, w.at + w.token.length)).toBe(w.token);
  });

  it("marks exactly what keyword search indexes of the query's words, on random awkward texts", async () => {
    const pieces = [
      "refund",
      "Refunds",
      "REFUNDING",
      "policy",
      "the",
      " ",
      "\r\n",
      "-",
      ".",
      "é",
      "e\u0301",
      "ＲＥＦＵＮＤ",
      "ﬁnancial",
      "東京都",
      "に住んで",
      "학교에서",
      "😀",
      "𠮷",
      "2.5",
      "x",
    ];
    const texts = randomTexts(300, pieces, 30, 7);
    const query = parseKeywordQuery("refunds policy financial 東京 학교");
    const found = await highlightTexts(db, "english", query, texts);
    const [{ lexemes } = { lexemes: [] }] = await db.query<{ lexemes: string[] }>(
      sql`select tsvector_to_array(to_tsvector('english', ${"refunds policy financial 東京 학교"})) as lexemes`,
    );
    const lexemesOf = async (text: string) => {
      const [row] = await db.query<{ lexemes: string[] }>(
        sql`select tsvector_to_array(to_tsvector('english', ${searchText(text)})) as lexemes`,
      );
      return row?.lexemes ?? [];
    };
    const problems: string[] = [];
    for (const [i, text] of texts.entries()) {
      const own = found[i] ?? [];
      for (const [j, m] of own.entries()) {
        const previous = own[j - 1];
        if (!(m.start < m.end && m.end <= text.length && (previous === undefined || previous.end <= m.start)))
          problems.push(`unsorted or overlapping marks in ${JSON.stringify(text)}`);
        // Each mark holds a word of the query.
        const words = await lexemesOf(text.slice(m.start, m.end));
        if (!words.some((w) => lexemes.includes(w)))
          problems.push(`${JSON.stringify(text.slice(m.start, m.end))} marked in ${JSON.stringify(text)}`);
      }
      // Blanking the marks leaves none of the query's words.
      let rest = text;
      for (const m of own)
        rest = `${rest.slice(0, m.start)}${" ".repeat(m.end - m.start)}${rest.slice(m.end)}`;
      const left = (await lexemesOf(rest)).filter((w) => lexemes.includes(w));
      if (left.length > 0) problems.push(`${left.join(",")} left unmarked in ${JSON.stringify(text)}`);
    }
    expect(problems).toEqual([]);
    expect(found.flat().length).toBeGreaterThan(300);
    // ts_headline and the token walk agree wherever ts_headline reproduces the form.
    const forms = texts.map(searchText);
    const positive = "refunds policy financial 東京 학교";
    const byHeadline = await headlineMarks(db, "english", positive, forms);
    expect(byHeadline.every((m) => m !== undefined)).toBe(true);
    expect(await tokenMarks(db, "english", positive, forms)).toEqual(byHeadline);
  });

  it("finds the same marks through ts_headline as token by token, on URLs, hyphens, numbers and markup", async () => {
    const forms = randomTexts(300, parserPieces, 12, 13)
      .map(searchText)
      .filter((f) => !f.includes("x".repeat(2100)));
    const positive =
      "word e-mail example.com ex.org 1.2.3 co-op refund naïve café /usr/local/x.txt 東京 &amp; b";
    const byHeadline = await headlineMarks(db, "english", positive, forms);
    expect(byHeadline.every((m) => m !== undefined)).toBe(true);
    const byTokens = await tokenMarks(db, "english", positive, forms);
    const runs = (found: readonly Highlight[] = []) =>
      found.reduce<Highlight[]>((out, m) => {
        const last = out.at(-1);
        if (last !== undefined && m.start <= last.end) last.end = Math.max(last.end, m.end);
        else out.push({ ...m });
        return out;
      }, []);
    expect(byTokens.map(runs)).toEqual(byHeadline.map(runs));
    expect(byTokens.flat().length).toBeGreaterThan(300);
  });
});
