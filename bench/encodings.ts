/**
 * `npm run bench -- encodings`: how well text files in legacy encodings are recognised, and what
 * reading them costs. In process, no stack: the production choice (text-encoding.ts) over the
 * chardet fixtures and files made from public texts with iconv-lite (short UDHR paragraphs too),
 * each judged by whether the decoded text equals iconv-lite's reading in the true encoding; then
 * decodeText (choice + decoding) and the CSV reader over ~8 MiB of each.
 */
import iconv from "iconv-lite";
import { decodeText } from "../shared/extract/decode-text.js";
import { detectEncoding } from "../shared/extract/detect-encoding.js";
import { parseCsvTable } from "../shared/extract/parse-csv.js";
import { chooseEncoding } from "../shared/extract/text-encoding.js";
import { encodedSamples, sourceTexts } from "../tests/support/encoding-samples.js";
import { publicFixture } from "../tests/support/public-fixtures.js";
import type { BenchOptions, BenchResult } from "./lib/bench.js";
import type { Row, Table } from "./lib/report.js";
import { median } from "./lib/stats.js";

interface Sample {
  name: string;
  bytes: Uint8Array;
  /** The iconv-lite name of the true encoding. */
  truth: string;
}

function udhrParagraphs(): Map<string, string> {
  const text = new TextDecoder().decode(publicFixture("unstructured-UDHR_first_article_all.txt"));
  const sections = new Map<string, string>();
  for (const part of text.split(/\n\s*\n/)) {
    const [head, ...rest] = part.trim().split("\n");
    if (head !== undefined && rest.length > 0)
      sections.set(head.replace(/^\((.*)\)$/, "$1"), rest.join("\n"));
  }
  return sections;
}

function samples(): Sample[] {
  const { russian } = sourceTexts();
  const udhr = udhrParagraphs();
  const pick = (...names: string[]) => names.map((n) => udhr.get(n) ?? "").join("\n\n");
  const spanish = new TextDecoder().decode(publicFixture("tika-langtest-es.txt")).slice(0, 4000);
  const made: [string, string, string][] = [
    ["Russian, ISO-8859-5", russian, "iso-8859-5"],
    ["Russian, x-mac-cyrillic", russian, "maccyrillic"],
    ["Spanish, ISO-8859-15", spanish, "iso-8859-15"],
    [
      "UDHR zh-Hans, GB18030",
      pick("Chinese, Mandarin (Simplified)", "Chinese, Mandarin (Beijing)"),
      "gb18030",
    ],
    ["UDHR zh-Hant, Big5", pick("Chinese, Mandarin (Traditional)"), "big5"],
    ["UDHR Korean, EUC-KR", pick("Korean"), "euc-kr"],
    ["UDHR Japanese, Shift_JIS", pick("Japanese", "Japanese (Osaka)", "Japanese (Tokyo)"), "shift_jis"],
    ["UDHR cs+pl+sk, Windows-1250", pick("Czech", "Polish", "Slovak"), "windows-1250"],
    ["UDHR cs+pl+sk, ISO-8859-2", pick("Czech", "Polish", "Slovak"), "iso-8859-2"],
    ["UDHR Greek, Windows-1253", pick("Greek (monotonic)"), "windows-1253"],
    ["UDHR Hebrew, Windows-1255", pick("Hebrew"), "windows-1255"],
    ["UDHR Arabic, Windows-1256", pick("Arabic, Standard"), "windows-1256"],
    ["UDHR Turkish, Windows-1254", pick("Turkish"), "windows-1254"],
    ["UDHR Thai, Windows-874", pick("Thai"), "windows-874"],
    ["UDHR Ukrainian, KOI8-U", pick("Ukrainian"), "koi8-u"],
    ["UDHR French, Windows-1252", pick("French"), "windows-1252"],
    ["UDHR Russian, IBM866", pick("Russian"), "cp866"],
  ];
  return [
    ...encodedSamples().map((s) => ({
      name: s.name,
      bytes: s.bytes,
      truth: s.encoding === "ibm866" ? "cp866" : s.encoding,
    })),
    {
      name: "saved page (cp1252, declared)",
      bytes: publicFixture("r2r-pg_essay_1.html"),
      truth: "windows-1252",
    },
    ...made.map(([name, text, truth]) => ({ name, bytes: new Uint8Array(iconv.encode(text, truth)), truth })),
  ];
}

function trueText(sample: Sample): string {
  if (sample.truth === "iso-2022-jp") return new TextDecoder("iso-2022-jp").decode(sample.bytes);
  return iconv.decode(Buffer.from(sample.bytes), sample.truth).replace(/^\ufeff/, "");
}

/** ~8 MiB of whole copies of the sample (a cut copy would end mid-character). */
function enlarge(bytes: Uint8Array, target = 8 * 1024 * 1024): Uint8Array {
  const copies = Math.max(1, Math.floor(target / bytes.byteLength));
  const out = new Uint8Array(copies * bytes.byteLength);
  for (let i = 0; i < copies; i++) out.set(bytes, i * bytes.byteLength);
  return out;
}

function msPerMiB(runs: number, bytes: Uint8Array, work: (b: Uint8Array) => unknown): number[] {
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    work(bytes);
    out.push((performance.now() - started) / (bytes.byteLength / 2 ** 20));
  }
  return out;
}

export async function runEncodings(options: BenchOptions): Promise<BenchResult> {
  const runs = options.runs ?? (options.quick ? 1 : 5);
  const all = samples();
  const accuracy: Row[] = [];
  const findings: string[] = [];
  const detail: Record<string, unknown>[] = [];
  let correct = 0;
  const html = (s: Sample) => s.name.startsWith("saved page");
  const first = performance.now();
  detectEncoding(all[0]?.bytes ?? new Uint8Array());
  const coldMs = performance.now() - first;
  for (const sample of all) {
    const choice = chooseEncoding(sample.bytes, { html: html(sample) });
    const decoded = decodeText(sample.bytes, { html: html(sample) });
    const ok = decoded.text === trueText(sample);
    if (ok) correct++;
    const detection =
      choice?.source === "detected" || choice?.source === "fallback"
        ? detectEncoding(sample.bytes)
        : undefined;
    const confidence = detection && detection.kind !== "binary" ? ` ${detection.confidence.toFixed(2)}` : "";
    accuracy.push({
      metric: `${sample.name} (${sample.bytes.byteLength} B) → ${choice?.encoding} by ${choice?.source}${confidence}`,
      unit: ok ? "correct" : "WRONG",
      values: [ok ? 1 : 0],
    });
    detail.push({
      name: sample.name,
      bytes: sample.bytes.byteLength,
      truth: sample.truth,
      choice,
      correct: ok,
    });
  }
  findings.push(
    `${correct} of ${all.length} samples decoded exactly as iconv-lite reads them in their true encoding.`,
  );
  findings.push(
    `The detector's first call in a process took ${coldMs.toFixed(0)} ms (its model is unpacked once).`,
  );

  const speed: Row[] = [];
  const bySpeed: Sample[] = [
    ...all.filter((s) =>
      [
        "KOI8-R (fixture)",
        "Shift_JIS (fixture)",
        "Windows-1252 (fixture)",
        "IBM866 (cp866)",
        "EUC-JP",
        "UTF-16LE with BOM (fixture)",
        "UTF-8 with BOM",
      ].includes(s.name),
    ),
    { name: "UTF-8 (tika Spanish)", bytes: publicFixture("tika-langtest-es.txt"), truth: "utf-8" },
  ];
  for (const sample of bySpeed) {
    const big = enlarge(sample.bytes);
    speed.push({
      metric: `decodeText, ${sample.name}`,
      unit: "ms/MiB",
      values: msPerMiB(runs, big, (b) => decodeText(b, { html: false })),
      baseline: {
        name: "choice only",
        values: msPerMiB(runs, big, (b) => chooseEncoding(b, { html: false })),
      },
    });
  }
  const csv = enlarge(publicFixture("docling-csv-semicolon.csv"));
  const csvText = new TextDecoder().decode(csv);
  speed.push({
    metric: "parseCsvTable (delimiter detection + parse), semicolon fixture",
    unit: "ms/MiB",
    values: msPerMiB(runs, csv, () => parseCsvTable(csvText)),
  });
  const slowest = [...speed].sort((a, b) => median(b.values) - median(a.values))[0];
  if (slowest)
    findings.push(
      `Slowest: ${slowest.metric}, ${median(slowest.values).toFixed(1)} ms/MiB (median of ${runs}).`,
    );

  const tables: Table[] = [
    { title: "Encoding recognised and decoded (1 = exactly right)", rows: accuracy },
    {
      title: "Reading cost over ~8 MiB of each",
      rows: speed,
      note: "decodeText = the choice (BOM, UTF-8 check, detection over at most 1 MiB) and the decoding; the baseline is the choice alone.",
    },
  ];
  return { settings: { runs, samples: all.length }, tables, findings, detail };
}
