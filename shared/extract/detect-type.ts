import { classifyZip, describeContent } from "./describe-content.js";
import { contentTypeOf, type DocumentKind, kindFromContentType } from "./document-kind.js";
import { imageKindOf } from "./image-kind.js";
import {
  type CompoundFileKind,
  compoundFileKind,
  compoundFileReason,
  isCompoundFile,
} from "./office/compound-file.js";
import { odfMimetype } from "./office/odf-mimetype.js";
import { looksLikeText } from "./text-content.js";
import { zipEntryNames } from "./zip-entry-names.js";

export type Sniffed = "pdf" | "zip" | "text" | "binary";

export type TypeDecision =
  | { ok: true; kind: DocumentKind; contentType: string }
  | { ok: false; code: "unsupported" | "mismatch"; detail: string };

const pdfMagic = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const zipMagic = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04"
// PDF readers accept the header anywhere in the first KiB (mail gateways, PJL wrappers and
// bad downloads prepend junk), so we do too.
const pdfHeaderWindow = 1024;

/**
 * Classifies a file by its first bytes (up to 8 KiB, or the whole file). "text" means text in
 * any encoding we can read (text-content.ts); "binary" is anything else.
 */
export function sniff(head: Uint8Array): Sniffed {
  if (startsWith(head, zipMagic, 0)) return "zip";
  if (hasPdfHeader(head)) return "pdf";
  return looksLikeText(head) ? "text" : "binary";
}

const kindByExtension: Record<string, DocumentKind> = {
  pdf: "pdf",
  docx: "docx",
  txt: "txt",
  text: "txt",
  md: "md",
  markdown: "md",
  html: "html",
  htm: "html",
  csv: "csv",
  // Tab-separated values are CSV with another delimiter, which the CSV reader detects.
  tsv: "csv",
  xlsx: "xlsx",
  ods: "ods",
  pptx: "pptx",
  odp: "odp",
  odt: "odt",
  rtf: "rtf",
  eml: "eml",
  png: "png",
  jpg: "jpeg",
  jpeg: "jpeg",
  tif: "tiff",
  tiff: "tiff",
};

// The formats these name are refused with what to save them as (office/compound-file.ts). The
// head rarely shows a compound file's directory (a .doc's lies at its end): the name says which.
const legacyOfficeExtensions: Record<string, CompoundFileKind> = {
  doc: "word",
  dot: "word",
  xls: "excel",
  xlt: "excel",
  ppt: "powerpoint",
  pot: "powerpoint",
};

const kindLabel: Record<DocumentKind, string> = {
  pdf: "a PDF",
  docx: "a Word document (.docx)",
  txt: "plain text",
  md: "Markdown",
  html: "HTML",
  csv: "CSV",
  xlsx: "an Excel workbook (.xlsx)",
  ods: "an OpenDocument spreadsheet (.ods)",
  pptx: "a PowerPoint presentation (.pptx)",
  odp: "an OpenDocument presentation (.odp)",
  odt: "an OpenDocument text (.odt)",
  rtf: "RTF",
  eml: "an e-mail message (.eml)",
  png: "a PNG image",
  jpeg: "a JPEG image",
  tiff: "a TIFF image",
};

const acceptedTypes =
  "accepted types are PDF (.pdf), Word (.docx), plain text (.txt), Markdown (.md), HTML (.html), CSV (.csv, .tsv), Excel (.xlsx), PowerPoint (.pptx), OpenDocument (.odt, .ods, .odp), RTF (.rtf), e-mail (.eml) and scanned pages as PNG, JPEG or TIFF images (.png, .jpg, .tif)";

const odfTypes: Partial<Record<DocumentKind, string>> = {
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
};

/**
 * Decides what an upload is: the declared kind comes from the file name (or, failing that, the
 * declared content type), and the content must agree with it, so a renamed binary cannot slip
 * into a text pipeline. Details are meant for API users and never echo file bytes.
 */
export function decideType(
  filename: string,
  declaredContentType: string | undefined,
  head: Uint8Array,
): TypeDecision {
  const extension = extensionOf(filename);
  const kind =
    (extension === undefined ? undefined : kindByExtension[extension]) ??
    (declaredContentType === undefined ? undefined : kindFromContentType(declaredContentType));
  if (kind === undefined) {
    const legacy = extension === undefined ? undefined : legacyOfficeExtensions[extension];
    if (legacy !== undefined && isCompoundFile(head)) {
      const seen = compoundFileKind(head);
      return {
        ok: false,
        code: "unsupported",
        detail: compoundFileReason(seen === "unknown" ? legacy : seen),
      };
    }
    return { ok: false, code: "unsupported", detail: unsupportedDetail(extension, declaredContentType) };
  }
  if (head.length === 0) return { ok: false, code: "mismatch", detail: "the file is empty" };
  if (isCompoundFile(head) && (kind === "docx" || kind === "xlsx" || kind === "pptx")) {
    // Office saves a password-protected .docx/.xlsx/.pptx as a compound file. Its directory may
    // lie beyond the head: then extraction, which has the whole file, gives the reason.
    const held = compoundFileKind(head);
    if (held === "unknown") return { ok: true, kind, contentType: contentTypeOf[kind] };
    return { ok: false, code: "mismatch", detail: compoundFileReason(held) };
  }

  const sniffed = sniff(head);
  if (!contentAgrees(kind, sniffed, head)) {
    const actual = describeContent(head, sniffed);
    return { ok: false, code: "mismatch", detail: `content looks like ${actual}, not ${kindLabel[kind]}` };
  }
  return { ok: true, kind, contentType: contentTypeOf[kind] };
}

function contentAgrees(kind: DocumentKind, sniffed: Sniffed, head: Uint8Array): boolean {
  switch (kind) {
    case "pdf":
      return sniffed === "pdf";
    case "docx": {
      if (sniffed !== "zip") return false;
      const names = zipEntryNames(head);
      // No visible entry names (e.g. a huge first entry): let extraction be the judge.
      return names.length === 0 || classifyZip(names) === "word" || classifyZip(names) === "package";
    }
    case "xlsx":
    case "pptx": {
      if (sniffed !== "zip") return false;
      const names = zipEntryNames(head);
      const family = classifyZip(names);
      return (
        names.length === 0 || family === "package" || family === (kind === "xlsx" ? "excel" : "powerpoint")
      );
    }
    case "odt":
    case "ods":
    case "odp": {
      if (sniffed !== "zip") return false;
      const declared = odfMimetype(head);
      if (declared !== undefined) return declared === odfTypes[kind];
      // Not stored first, as the standard asks: judge by the parts an OpenDocument package has.
      const names = zipEntryNames(head);
      return names.length === 0 || (names.some(isOdfPart) && !names.some(isOoxmlPart));
    }
    case "rtf":
      return sniffed === "text" && /^\uFEFF?\s*\{\\rtf/.test(latin1Start(head));
    case "eml":
      return sniffed === "text" && looksLikeEmail(latin1Start(head));
    case "png":
    case "jpeg":
    case "tiff":
      return imageKindOf(head) === kind;
    default:
      return sniffed === "text";
  }
}

function isOdfPart(name: string): boolean {
  return name === "content.xml" || name === "META-INF/manifest.xml" || name === "mimetype";
}

function isOoxmlPart(name: string): boolean {
  return name === "[Content_Types].xml" || /^(word|xl|ppt)\//.test(name);
}

function latin1Start(head: Uint8Array): string {
  return new TextDecoder("latin1").decode(head.subarray(0, 4096)).replace(/^\u00ef\u00bb\u00bf/, "");
}

// Header fields every mail client writes; one of them must be among the first lines.
const mailHeaders =
  /^(from|to|subject|date|message-id|mime-version|received|return-path|delivered-to|x-[a-z0-9-]+):/i;

/**
 * An RFC 5322 message starts with header fields ("Name: value", continued by lines starting
 * with white space) up to a blank line; an mbox file's "From " separator may come first.
 */
function looksLikeEmail(start: string): boolean {
  const lines = start.split(/\r?\n/);
  let i = lines[0]?.startsWith("From ") ? 1 : 0;
  let known = false;
  let fields = 0;
  for (; i < lines.length - 1; i++) {
    const line = lines[i] ?? "";
    if (line === "") break;
    if (/^[ \t]/.test(line) && fields > 0) continue;
    if (!/^[!-9;-~]+:/.test(line)) return false;
    fields++;
    if (mailHeaders.test(line)) known = true;
  }
  return known && fields >= 2;
}

function extensionOf(filename: string): string | undefined {
  const base = filename.slice(Math.max(filename.lastIndexOf("/"), filename.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  if (dot < 0 || dot === base.length - 1) return undefined;
  return base.slice(dot + 1).toLowerCase();
}

function unsupportedDetail(extension: string | undefined, declaredContentType: string | undefined): string {
  // Echo user-supplied names only when they are short and plain, to keep the message safe to show.
  if (extension !== undefined && /^[a-z0-9]{1,10}$/.test(extension)) {
    return `".${extension}" files are not supported; ${acceptedTypes}`;
  }
  const essence = declaredContentType?.split(";")[0]?.trim().toLowerCase();
  if (essence !== undefined && /^[a-z0-9.+-]{1,60}\/[a-z0-9.+-]{1,60}$/.test(essence)) {
    return `content type "${essence}" is not supported; ${acceptedTypes}`;
  }
  return `the file type could not be determined from its name or content type; ${acceptedTypes}`;
}

function hasPdfHeader(head: Uint8Array): boolean {
  const at = indexOf(head, pdfMagic, Math.min(head.length, pdfHeaderWindow + pdfMagic.length));
  if (at < 0) return false;
  if (onlyBomOrWhitespace(head, at)) return true;
  // With junk in front, a text file that merely mentions "%PDF-1.4" must not count as a PDF:
  // also require a version number and either binary content or a PDF object ("1 0 obj").
  const version = String.fromCharCode(...head.subarray(at + 5, at + 8));
  if (!/^\d\.\d$/.test(version)) return false;
  const latin1 = new TextDecoder("latin1").decode(head.subarray(at));
  return !looksLikeText(head) || /\d+\s+\d+\s+obj\b/.test(latin1);
}

function onlyBomOrWhitespace(bytes: Uint8Array, end: number): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x00) return false;
  }
  return true;
}

function indexOf(bytes: Uint8Array, pattern: readonly number[], limit: number): number {
  for (let p = 0; p + pattern.length <= limit; p++) if (startsWith(bytes, pattern, p)) return p;
  return -1;
}

function startsWith(bytes: Uint8Array, pattern: readonly number[], at: number): boolean {
  return pattern.every((b, k) => bytes[at + k] === b);
}
