/**
 * The benchmark corpus, generated at run time (never committed) from a seed: pseudo-English
 * text with a Zipf word distribution, as PDF (text pages plus embedded images, as real PDFs
 * carry), DOCX, HTML (with link markup) and TXT. The same seed and sizes give the same bytes,
 * so a generated corpus is cached under .bench/ (git-ignored) and reused.
 */
import { deflateSync } from "node:zlib";
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  StandardFonts,
} from "pdf-lib";
import { makeDocx, makeHtml } from "../../tests/support/fixtures.js";

/** Small, fast, seeded PRNG (mulberry32): uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables =
  "ka lo mi ren tor vel sa qui dor nel bra fen gal hun jor lin mar nov pel ros sil tam ur ves wil yan zor ek ith ost pra cle dun fal gri hol".split(
    " ",
  );

/** Text whose words follow Zipf's law over a fixed vocabulary, like natural language. */
export class TextGenerator {
  readonly vocabulary: string[];
  private readonly cumulative: number[];
  readonly random: () => number;

  constructor(seed: number, vocabularySize = 6000) {
    this.random = seededRandom(seed);
    const vocab = seededRandom(7919);
    const words = new Set<string>();
    while (words.size < vocabularySize) {
      const n = 2 + Math.floor(vocab() * 2);
      words.add(Array.from({ length: n }, () => syllables[Math.floor(vocab() * syllables.length)]).join(""));
    }
    this.vocabulary = [...words];
    let sum = 0;
    this.cumulative = this.vocabulary.map((_, r) => {
      sum += 1 / (r + 1);
      return sum;
    });
  }

  /** A word drawn by frequency: rank r with probability proportional to 1/r. */
  word(): string {
    const total = this.cumulative.at(-1) ?? 1;
    const x = this.random() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return this.vocabulary[lo] ?? "";
  }

  /** A word of middling frequency (ranks `from`..`to`), as a query would use. */
  queryWord(from = 50, to = 3000): string {
    return this.vocabulary[from + Math.floor(this.random() * (to - from))] ?? "";
  }

  sentence(): string {
    const words = Array.from({ length: 6 + Math.floor(this.random() * 13) }, () => this.word());
    const first = words[0] ?? "";
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${words.join(" ")}.`;
  }

  paragraph(): string {
    return Array.from({ length: 3 + Math.floor(this.random() * 5) }, () => this.sentence()).join(" ");
  }

  /** Paragraphs until their text reaches `chars` characters. */
  paragraphs(chars: number): string[] {
    const out: string[] = [];
    let n = 0;
    while (n < chars) {
      const p = this.paragraph();
      out.push(p);
      n += p.length + 2;
    }
    return out;
  }
}

export type CorpusKind = "pdf" | "docx" | "html" | "txt";

export const corpusContentTypes: Record<CorpusKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html",
  txt: "text/plain",
};

/**
 * Each kind's share of the mean document size: PDFs are large and mostly images, as scanned
 * figures and photos make real ones; DOCX small (zipped). Text is about 40 % of the bytes.
 */
const sizeFactor: Record<CorpusKind, number> = { pdf: 2.6, html: 0.7, docx: 0.2, txt: 0.5 };
const kinds: CorpusKind[] = ["pdf", "docx", "html", "txt"];

/** Uncompressed RGB noise (photographs compress little), as a Flate image stream's payload. */
function noiseImage(random: () => number, width: number, height: number): Uint8Array {
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < pixels.length; i += 4) {
    const v = (random() * 4294967296) >>> 0;
    pixels[i] = v & 0xff;
    pixels[i + 1] = (v >>> 8) & 0xff;
    pixels[i + 2] = (v >>> 16) & 0xff;
    pixels[i + 3] = v >>> 24;
  }
  return deflateSync(pixels, { level: 1 });
}

interface Image {
  width: number;
  height: number;
  deflated: Uint8Array;
}

async function makeImagePdf(gen: TextGenerator, pages: number, images: Image[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage();
    for (let i = 0; i < 45; i++) {
      const line = Array.from({ length: 9 }, () => gen.word()).join(" ");
      page.drawText(line, { x: 40, y: 760 - i * 16, size: 10, font });
    }
    const image = images[p];
    if (image) {
      const ref = pdf.context.register(
        pdf.context.stream(image.deflated, {
          Type: "XObject",
          Subtype: "Image",
          Width: image.width,
          Height: image.height,
          ColorSpace: "DeviceRGB",
          BitsPerComponent: 8,
          Filter: "FlateDecode",
        }),
      );
      const name = page.node.newXObject("Im", ref);
      page.pushOperators(
        pushGraphicsState(),
        concatTransformationMatrix(200, 0, 0, 150, 350, 40),
        drawObject(name),
        popGraphicsState(),
      );
    }
  }
  return pdf.save();
}

export interface GeneratedFile {
  name: string;
  kind: CorpusKind;
  contentType: string;
  bytes: Uint8Array;
}

/** Document `index` of a corpus whose documents average `meanBytes`. */
export async function generateDocument(
  gen: TextGenerator,
  index: number,
  meanBytes: number,
  imagePool: Image[],
): Promise<GeneratedFile> {
  const kind = kinds[index % kinds.length] ?? "txt";
  const target = meanBytes * sizeFactor[kind] * (0.4 + 1.2 * gen.random());
  const name = `bench-${String(index).padStart(5, "0")}.${kind}`;
  const encode = (s: string) => new TextEncoder().encode(s);
  let bytes: Uint8Array;
  switch (kind) {
    case "txt":
      bytes = encode(gen.paragraphs(target).join("\n\n"));
      break;
    case "html": {
      // About one word in seven is a link: markup is a good part of a real page's bytes.
      const paragraphs = gen.paragraphs(target * 0.62).map((p) =>
        p
          .split(" ")
          .map((w, i) => (i % 7 === 3 ? `<a href="/ref/${w.replace(/\W/g, "")}">${w}</a>` : w))
          .join(" "),
      );
      bytes = encode(makeHtml(`Document ${index}`, paragraphs));
      break;
    }
    case "docx":
      // Word's zip shrinks this text to about 40 %.
      bytes = await makeDocx(gen.paragraphs(target / 0.4));
      break;
    case "pdf": {
      const pages = 4 + Math.floor(gen.random() * 12);
      const images: Image[] = [];
      let left = target - pages * 2600;
      while (left > 40_000 && images.length < pages) {
        const image = imagePool[Math.floor(gen.random() * imagePool.length)];
        if (image === undefined) break;
        images.push(image);
        left -= image.deflated.byteLength;
      }
      bytes = await makeImagePdf(gen, pages, images);
      break;
    }
  }
  return { name, kind, contentType: corpusContentTypes[kind], bytes };
}

export function imagePool(seed: number): Image[] {
  const random = seededRandom(seed);
  return [
    [160, 120],
    [240, 180],
    [320, 240],
    [400, 300],
  ].map(([w = 0, h = 0]) => ({ width: w, height: h, deflated: noiseImage(random, w, h) }));
}

export interface CorpusEntry {
  name: string;
  kind: CorpusKind;
  contentType: string;
  size: number;
  path: string;
}

export interface CorpusSpec {
  documents: number;
  totalBytes: number;
  seed: number;
}

/**
 * The corpus on disk under `root` (generated on first use, then reused: same spec, same bytes).
 * The manifest is written last, so an interrupted generation is redone.
 */
export async function ensureCorpus(
  spec: CorpusSpec,
  root: string,
  onProgress?: (done: number) => void,
): Promise<CorpusEntry[]> {
  const { mkdirSync, existsSync, readFileSync, writeFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const dir = join(root, `d${spec.documents}-b${spec.totalBytes}-s${spec.seed}-v2`);
  const manifest = join(dir, "manifest.json");
  if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, "utf8")) as CorpusEntry[];
  mkdirSync(dir, { recursive: true });
  const gen = new TextGenerator(spec.seed);
  const images = imagePool(spec.seed + 1);
  const mean = spec.totalBytes / spec.documents;
  const entries: CorpusEntry[] = [];
  for (let i = 0; i < spec.documents; i++) {
    const file = await generateDocument(gen, i, mean, images);
    const path = join(dir, file.name);
    writeFileSync(path, file.bytes);
    entries.push({
      name: file.name,
      kind: file.kind,
      contentType: file.contentType,
      size: file.bytes.byteLength,
      path,
    });
    if (i % 50 === 49) onProgress?.(i + 1);
  }
  writeFileSync(manifest, JSON.stringify(entries));
  return entries;
}
