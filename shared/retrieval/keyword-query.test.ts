import { describe, expect, it } from "vitest";
import { render } from "../db/sql.js";
import { parseKeywordQuery, tsqueryFragment } from "./keyword-query.js";

describe("parseKeywordQuery", () => {
  it.each([
    ["how many books", { terms: ["how", "many", "books"], phrases: [], excluded: [] }],
    ['"renew each loan" online', { terms: ["online"], phrases: ["renew each loan"], excluded: [] }],
    ["books -fines", { terms: ["books"], phrases: [], excluded: ["fines"] }],
    ['-"late fees" books or loans', { terms: ["books", "loans"], phrases: [], excluded: ["late fees"] }],
    ['"unclosed phrase', { terms: [], phrases: ["unclosed phrase"], excluded: [] }],
    ['"" - ', { terms: ["-"], phrases: [], excluded: [] }],
  ])("%j", (text, expected) => {
    expect(parseKeywordQuery(text)).toEqual(expected);
  });
});

describe("tsqueryFragment", () => {
  it("ORs terms and phrases, ANDs NOT exclusions, and binds every word", () => {
    const fragment = tsqueryFragment(parseKeywordQuery('books "each loan" -fines'));
    const { text, params } = render(fragment ?? ({} as never));
    expect(text).toBe(
      "((plainto_tsquery($1::regconfig, $2) || phraseto_tsquery($3::regconfig, $4)) && !! plainto_tsquery($5::regconfig, $6))",
    );
    expect(params).toEqual(["english", "books", "english", "each loan", "english", "fines"]);
  });

  it("is undefined with only exclusions", () => {
    expect(tsqueryFragment(parseKeywordQuery("-fines"))).toBeUndefined();
  });
});

describe("parseKeywordQuery: search forms", () => {
  it.each([
    // A run typed without spaces gives its words as plain words (OR'ed, ranked like a question's).
    ["北京大学", { terms: ["北京", "大学"], phrases: [], excluded: [] }],
    // Quoted, they stay a phrase; excluded, all of them must be there to exclude.
    ['"北京大学" -東京都', { terms: [], phrases: ["北京 大学"], excluded: ["東京 都"] }],
    // The syntax is read after NFKC: full-width quotes and minus.
    ["＂each loan＂ －fines ＢＯＯＫＳ", { terms: ["BOOKS"], phrases: ["each loan"], excluded: ["fines"] }],
    ["학교", { terms: ["학교"], phrases: [], excluded: [] }],
  ])("%j", (text, expected) => {
    expect(parseKeywordQuery(text)).toEqual(expected);
  });
});
