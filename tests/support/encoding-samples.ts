import { execFileSync } from "node:child_process";
import iconv from "iconv-lite";
import { publicFixture } from "./public-fixtures.js";

/** A text file in a known encoding, and a word in it that only reads right when decoded right. */
export interface EncodedSample {
  name: string;
  filename: string;
  bytes: Uint8Array;
  /** The name we expect to record (a WHATWG encoding name, or utf-32le/utf-32be). */
  encoding: string;
  /** The file's text, decoded in its true encoding (BOM left out). */
  text: string;
  /** A word with accents, Cyrillic or CJK, found in the text. */
  word: string;
}

// iconv-lite, not the decoder under test, says what the text is.
const decode = (bytes: Uint8Array, encoding: string) => iconv.decode(Buffer.from(bytes), encoding);
const encode = (text: string, encoding: string, addBOM = false) =>
  new Uint8Array(iconv.encode(text, encoding, { addBOM }));

/** ISO-2022-JP through Debian's iconv: iconv-lite has no ISO-2022-JP encoder. */
function iso2022jp(text: string): Uint8Array {
  return new Uint8Array(execFileSync("iconv", ["-f", "UTF-8", "-t", "ISO-2022-JP"], { input: text }));
}

function fromFixture(name: string, filename: string, encoding: string, word: string): EncodedSample {
  const bytes = publicFixture(filename);
  return { name, filename, bytes, encoding, text: decode(bytes, encoding), word };
}

/** Russian, Japanese and German prose from the chardet fixtures, to re-encode. */
export function sourceTexts() {
  return {
    russian: decode(publicFixture("chardet-KOI8-R-_ude_1.txt"), "koi8-r"),
    japanese: decode(publicFixture("chardet-SHIFT_JIS-_ude_2.txt"), "shift_jis"),
    german: decode(publicFixture("chardet-windows-1252-_ude_1.txt"), "windows-1252"),
  };
}

function made(name: string, filename: string, text: string, encoding: string, word: string): EncodedSample {
  const bytes = encoding === "iso-2022-jp" ? iso2022jp(text) : encode(text, encoding);
  return { name, filename, bytes, encoding, text, word };
}

/**
 * One file per encoding the issue names: the unmodified chardet fixtures (KOI8-R, Shift_JIS,
 * UTF-16LE with BOM, ISO-8859-1, Windows-1252) and files made here from their text with
 * iconv-lite (and Debian's iconv) for encodings no fixture has.
 */
export function encodedSamples(): EncodedSample[] {
  const { russian, japanese, german } = sourceTexts();
  const utf16 = publicFixture("chardet-UTF-16-bom-utf-16-le.srt");
  return [
    fromFixture("KOI8-R (fixture)", "chardet-KOI8-R-_ude_1.txt", "koi8-r", "гимназии"),
    fromFixture("Shift_JIS (fixture)", "chardet-SHIFT_JIS-_ude_2.txt", "shift_jis", "アプリケーション"),
    {
      name: "UTF-16LE with BOM (fixture)",
      filename: "chardet-UTF-16-bom-utf-16-le.srt",
      bytes: utf16,
      encoding: "utf-16le",
      text: decode(utf16.subarray(2), "utf-16le"),
      word: "YouTube",
    },
    // WHATWG reads ISO-8859-1 as its superset Windows-1252, and so do we.
    fromFixture("ISO-8859-1 (fixture)", "chardet-iso-8859-1-_ude_2.txt", "windows-1252", "séjour"),
    fromFixture("Windows-1252 (fixture)", "chardet-windows-1252-_ude_1.txt", "windows-1252", "gefördert"),
    made("IBM866 (cp866)", "cp866.txt", russian, "ibm866", "гимназии"),
    made("Windows-1251", "windows-1251.txt", russian, "windows-1251", "гимназии"),
    made("EUC-JP", "euc-jp.txt", japanese, "euc-jp", "アプリケーション"),
    made("ISO-2022-JP", "iso-2022-jp.txt", japanese, "iso-2022-jp", "アプリケーション"),
    made("UTF-16BE with BOM", "utf-16be.txt", `\ufeff${german}`, "utf-16be", "gefördert"),
    made("UTF-32LE with BOM", "utf-32le.txt", `\ufeff${german}`, "utf-32le", "gefördert"),
    made("UTF-8 with BOM", "utf-8-bom.txt", `\ufeff${russian}`, "utf-8", "гимназии"),
  ].map((sample) => ({ ...sample, text: sample.text.replace(/^\ufeff/, "") }));
}
