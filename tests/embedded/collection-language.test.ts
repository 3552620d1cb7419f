import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedStack, startEmbeddedStack, uploadForm } from "../support/embedded-stack.js";
import { publicFixture } from "../support/public-fixtures.js";

/**
 * A collection's text-search language, through HTTP on the embedded default. The texts are
 * article 1 of the Universal Declaration of Human Rights in each language, from the public
 * fixture unstructured-UDHR_first_article_all.txt ("UDHR in Unicode").
 */
let stack: EmbeddedStack;
let udhr: Map<string, string>;

beforeAll(async () => {
  stack = await startEmbeddedStack();
  const text = new TextDecoder().decode(publicFixture("unstructured-UDHR_first_article_all.txt"));
  // Each language is a heading line followed by its article on the next line.
  const lines = text.split("\n");
  udhr = new Map(lines.slice(0, -1).map((line, i) => [line.trim(), (lines[i + 1] ?? "").trim()]));
});
afterAll(() => stack.close());

function article(language: string): string {
  const found = udhr.get(language);
  if (found === undefined || found === "") throw new Error(`no UDHR article for ${language}`);
  return found;
}

async function createCollection(language?: string) {
  return stack.json<{ id: string; language: string; errors?: { path: string; message: string }[] }>(
    "/collections",
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: `lang-${crypto.randomUUID()}`, ...(language && { language }) }),
    },
  );
}

/** A collection in the language holding the given texts, indexed. */
async function collectionWith(language: string | undefined, files: Record<string, string | Uint8Array>) {
  const created = await createCollection(language);
  expect(created.status).toBe(201);
  for (const [name, bytes] of Object.entries(files)) {
    const r = await stack.request("/documents", {
      method: "POST",
      body: uploadForm(created.body.id, { name, bytes }),
    });
    expect(r.status).toBe(201);
  }
  await stack.indexAll();
  return created.body.id;
}

async function keywordHits(collection: string, query: string): Promise<string[]> {
  const r = await stack.json<{ results: { filename: string }[] }>("/query", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ collection_id: collection, query, mode: "keyword", top_k: 10 }),
  });
  expect(r.status).toBe(200);
  return r.body.results.map((p) => p.filename);
}

describe("POST /collections: language", () => {
  it("is english when not given, and shown in the collection view", async () => {
    const created = await createCollection();
    expect(created.status).toBe(201);
    expect(created.body.language).toBe("english");
    const shown = await stack.json<{ language: string }>(`/collections/${created.body.id}`);
    expect(shown.body.language).toBe("english");
  });

  it("takes a configuration PostgreSQL ships, named as PostgreSQL names it", async () => {
    const created = await createCollection("French");
    expect(created.status).toBe(201);
    expect(created.body.language).toBe("french");
    const list = await stack.json<{ items: { id: string; language: string }[] }>("/collections?limit=100");
    expect(list.body.items.find((c) => c.id === created.body.id)?.language).toBe("french");
  });

  it.each([
    "klingon",
    "pg_catalog.english",
    "english; drop table chunks",
  ])("refuses %j with a 422 problem listing the languages there are", async (language) => {
    const r = await createCollection(language);
    expect(r.status).toBe(422);
    expect(r.response.headers.get("content-type")).toBe("application/problem+json");
    expect(r.body.errors?.map((e) => e.path)).toEqual(["language"]);
    expect(r.body.errors?.[0]?.message).toMatch(/english.*french.*german.*simple.*spanish/);
  });

  it("refuses an empty language as invalid input", async () => {
    expect((await createCollection(" ")).status).toBe(422);
  });
});

describe("keyword search in the collection's language", () => {
  it.each([
    // language, UDHR heading, the word as the article writes it, another inflection of it
    ["french", "French", "égaux", "égal"],
    ["german", "German, Standard (1996)", "Menschen", "Mensch"],
    ["arabic", "Arabic, Standard", "الكرامة", "كرامة"],
  ])("%s: a query for another inflection finds the article; in english it does not", async (language, heading, written, other) => {
    const text = article(heading);
    expect(text).toContain(written);
    expect(text).not.toContain(` ${other} `);
    const files = { "udhr.txt": text };
    const inLanguage = await collectionWith(language, files);
    const inEnglish = await collectionWith(undefined, files);
    expect(await keywordHits(inLanguage, other)).toEqual(["udhr.txt"]);
    expect(await keywordHits(inEnglish, other)).toEqual([]);
    // The word as written is found in both.
    expect(await keywordHits(inLanguage, written)).toEqual(["udhr.txt"]);
    expect(await keywordHits(inEnglish, written)).toEqual(["udhr.txt"]);
  });

  it("arabic: the right-to-left PDF (docling-right_to_left_01.pdf) is found without the article al-", async () => {
    const files = { "rtl.pdf": publicFixture("docling-right_to_left_01.pdf") };
    const arabic = await collectionWith("arabic", files);
    const english = await collectionWith(undefined, files);
    const documents = async (collection: string, query: string) => [
      ...new Set(await keywordHits(collection, query)),
    ];
    // The PDF writes النمذجة (modelling) and البيانات الكبيرة (big data).
    for (const word of ["نمذجة", "كبيرة"]) {
      expect(await documents(arabic, word), word).toEqual(["rtl.pdf"]);
      expect(await documents(english, word), word).toEqual([]);
    }
    expect(await documents(english, "النمذجة")).toEqual(["rtl.pdf"]);
  });

  it("french: chevaux is found by cheval", async () => {
    const files = { "ferme.txt": "Les chevaux de la ferme paissent dans le pré." };
    expect(await keywordHits(await collectionWith("french", files), "cheval")).toEqual(["ferme.txt"]);
    expect(await keywordHits(await collectionWith("english", files), "cheval")).toEqual([]);
  });

  it("simple (Swahili): words are matched as written, without an English stemmer", async () => {
    const swahili = article("Swahili");
    const collection = await collectionWith("simple", {
      "udhr-sw.txt": swahili,
      "english.txt": "The children were running home.",
    });
    expect(await keywordHits(collection, "wamezaliwa")).toEqual(["udhr-sw.txt"]);
    expect(await keywordHits(collection, "HAKI")).toEqual(["udhr-sw.txt"]);
    // No stemming: "run" is not "running" here, as it would be in english.
    expect(await keywordHits(collection, "run")).toEqual([]);
    expect(await keywordHits(collection, "running")).toEqual(["english.txt"]);
  });
});

describe("words inside unspaced sentences (Chinese, Japanese, Korean, Thai)", () => {
  it.each([
    ["Chinese, Mandarin (Simplified)", ["尊严", "权利", "良心"]],
    ["Japanese", ["尊厳", "権利", "人間", "良心"]],
    ["Korean", ["존엄", "권리", "인간", "양심"]],
    ["Thai", ["มนุษย์", "สิทธิ"]],
  ])("%s: a word of the article is found by a query for it alone", async (heading, words) => {
    const collection = await collectionWith(undefined, { "udhr.txt": article(heading) });
    for (const word of words) expect(await keywordHits(collection, word), word).toEqual(["udhr.txt"]);
  });

  it("a Chinese question typed without spaces ranks the text that answers it first", async () => {
    const collection = await collectionWith("simple", {
      "rights.txt": article("Chinese, Mandarin (Simplified)"),
      "weather.txt": "今天北京的天气很好，我们去公园散步。明天可能会下雨。",
    });
    expect(await keywordHits(collection, "北京天气")).toEqual(["weather.txt"]);
    expect((await keywordHits(collection, "人人生而自由"))[0]).toBe("rights.txt");
    expect(await keywordHits(collection, '"一律平等"')).toEqual(["rights.txt"]);
  });

  it("Korean PDF (docling-normal_4pages.pdf): a word with its particle attached is found", async () => {
    const collection = await collectionWith(undefined, {
      "korean.pdf": publicFixture("docling-normal_4pages.pdf"),
      "other.txt": "보험 없는 다른 문서입니다",
    });
    const documents = async (query: string) => [...new Set(await keywordHits(collection, query))];
    // 코로나 appears only inside longer words (코로나바이러스감염, 코로나-19가).
    expect(await documents("코로나")).toEqual(["korean.pdf"]);
    // 보험업계에서는 ("in the insurance industry"): 보험 is in both documents, 업계 in one.
    expect(await documents("보험업계")).toEqual(["korean.pdf", "other.txt"]);
  });

  it("Japanese text (the Shift_JIS fixture, decoded): a word inside a sentence is found", async () => {
    const text = new TextDecoder("shift_jis").decode(publicFixture("chardet-SHIFT_JIS-_ude_2.txt"));
    const collection = await collectionWith(undefined, { "readme.txt": text });
    // プロジェクトの概要, AppWizard によって作成されました, 内容の概略が記述されています
    for (const word of ["概要", "作成", "概略", "記述", "プロジェクト"]) {
      expect(await keywordHits(collection, word), word).toEqual(["readme.txt"]);
    }
  });
});

describe("compatibility forms are folded for search (NFKC), the stored text is not", () => {
  /** Arabic in presentation forms, as some PDF text layers give it: each letter's isolated form. */
  function presentationForms(text: string): string {
    const forms = new Map<string, string>();
    for (let cp = 0xfefc; cp >= 0xfe70; cp--) {
      const base = String.fromCodePoint(cp).normalize("NFKC");
      if ([...base].length === 1) forms.set(base, String.fromCodePoint(cp));
    }
    return [...text].map((c) => forms.get(c) ?? c).join("");
  }

  it("Arabic presentation forms are found by a query in ordinary letters, and the reverse", async () => {
    const shaped = presentationForms(article("Arabic, Standard"));
    expect(shaped).not.toContain("الكرامة");
    expect(shaped.normalize("NFKC")).toContain("الكرامة");
    const collection = await collectionWith(undefined, { "shaped.txt": shaped });
    expect(await keywordHits(collection, "الكرامة")).toEqual(["shaped.txt"]);
    expect(await keywordHits(collection, presentationForms("والحقوق"))).toEqual(["shaped.txt"]);
    const passage = await stack.json<{ results: { text: string }[] }>("/query", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ collection_id: collection, query: "الكرامة", mode: "keyword" }),
    });
    expect(passage.body.results[0]?.text).toBe(shaped);
  });

  it("full-width Latin and digits meet their ASCII forms", async () => {
    const collection = await collectionWith(undefined, {
      "wide.txt": "ＤＯＣＳＴＡＣＫ　ｒｅｐｏｒｔ　２０２６",
      "narrow.txt": "Quarterly figures for 2031",
    });
    expect(await keywordHits(collection, "docstack")).toEqual(["wide.txt"]);
    expect(await keywordHits(collection, "2026")).toEqual(["wide.txt"]);
    expect(await keywordHits(collection, "ｑｕａｒｔｅｒｌｙ")).toEqual(["narrow.txt"]);
  });
});
