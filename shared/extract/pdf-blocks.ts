import { getDocumentProxy } from "unpdf";
import type { TextBlock } from "./extracted-document.js";
import { ExtractionError } from "./extraction-error.js";
import { ocrBlocks } from "./ocr/ocr-blocks.js";
import type { ExtractEnvironment } from "./ocr/ocr-engine.js";
import { ocrLimitReason } from "./ocr/ocr-limits.js";
import { type FormFieldBlock, pdfFormFields } from "./pdf-form-fields.js";
import { type OutlineTarget, type PdfDocument, pdfOutline } from "./pdf-outline.js";
import { type PdfTextItem, pdfParagraphs } from "./pdf-paragraphs.js";
import { textVerdict } from "./text-quality.js";

/** A paragraph block with where on its page it starts, for placing outline entries. */
interface PlacedBlock {
  block: TextBlock & { page: number };
  x: number;
  y: number;
}

/**
 * A PDF's paragraphs, page by page, each with its 1-based page; when the PDF has an outline
 * (bookmarks), each paragraph also carries the path of the last entry at or before it. Values
 * typed into its form fields follow their page's text ("Field name: value"). Where the
 * environment has OCR, pages without a usable text layer (none, or one that is not text:
 * text-quality.ts) are rendered and OCR'd instead, and listed in `ocrPages`.
 */
export async function pdfBlocks(
  bytes: Uint8Array,
  environment: ExtractEnvironment = {},
): Promise<{ blocks: TextBlock[]; ocrPages?: number[] }> {
  // pdf.js may transfer (detach) the buffer it is given; a copy keeps the caller's bytes usable.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, ...environment.pdfjs }).catch(
    (error: unknown) => {
      throw new ExtractionError(openFailureReason(error), { cause: error });
    },
  );
  try {
    const { placed, withoutText } = await pageParagraphs(pdf, environment.ocr !== undefined);
    const outline = await pdfOutline(pdf);
    const ocr = await ocrOf(bytes, withoutText, environment);
    const all = inPageOrder([...placed, ...ocr.placed]);
    if (all.length === 0) {
      throw new ExtractionError(
        environment.ocr === undefined
          ? "PDF has no extractable text (scanned image?)"
          : "PDF has no extractable text, and OCR found none on its pages",
      );
    }
    placeHeadings(all, outline);
    const blocks = all.map((p) => p.block);
    return ocr.pages.length > 0 ? { blocks, ocrPages: ocr.pages } : { blocks };
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    throw new ExtractionError("PDF could not be read (the file may be damaged)", { cause: error });
  } finally {
    await pdf.destroy();
  }
}

// One page at a time, each released before the next, so memory follows the largest page rather
// than the whole document. With OCR at hand, a page whose text layer is unusable is left out and
// listed for OCR; its form fields are kept either way.
async function pageParagraphs(
  pdf: PdfDocument,
  ocrAvailable: boolean,
): Promise<{ placed: PlacedBlock[]; withoutText: number[] }> {
  const placed: PlacedBlock[] = [];
  const withoutText: number[] = [];
  for (let page = 1; page <= pdf.numPages; page++) {
    const proxy = await pdf.getPage(page);
    const content = await proxy.getTextContent();
    const fields = await pdfFormFields(proxy);
    proxy.cleanup();
    const items: PdfTextItem[] = [];
    for (const item of content.items) if ("str" in item) items.push(item);
    const paragraphs = pdfParagraphs(items);
    if (ocrAvailable && !usableTextLayer(paragraphs.map((p) => p.text).join("\n"))) {
      withoutText.push(page);
    } else {
      for (const paragraph of paragraphs) {
        placed.push({ block: { text: paragraph.text, page }, x: paragraph.x, y: paragraph.y });
      }
    }
    placed.push(
      ...fields.map((field: FormFieldBlock) => ({ block: { ...field.block, page }, x: field.x, y: field.y })),
    );
  }
  return { placed, withoutText };
}

/** A text layer worth keeping: it has a letter or digit, and is text (not a font's garbage). */
function usableTextLayer(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text) && textVerdict(text).readable;
}

/** The OCR'd blocks of the pages without a text layer, within the OCR page cap. */
async function ocrOf(
  bytes: Uint8Array,
  pages: readonly number[],
  environment: ExtractEnvironment,
): Promise<{ placed: PlacedBlock[]; pages: number[] }> {
  const { ocr } = environment;
  if (ocr === undefined || pages.length === 0) return { placed: [], pages: [] };
  if (pages.length > ocr.settings.maxPages) {
    throw new ExtractionError(ocrLimitReason.pages(pages.length, ocr.settings.maxPages, "the PDF"));
  }
  ocr.onStart?.();
  const read = await ocrBlocks(ocr.pdfPages(bytes, pages, ocr.settings.languages), pages);
  // OCR knows no positions on the page: its blocks count as starting at the page's foot, so an
  // outline entry pointing into the page takes effect at its first OCR'd block.
  return { placed: read.blocks.map((block) => ({ block, x: 0, y: 0 })), pages: read.pages };
}

/** Blocks by page, the order within each page kept (a stable sort). */
function inPageOrder(placed: PlacedBlock[]): PlacedBlock[] {
  return placed.sort((a, b) => a.block.page - b.block.page);
}

// A destination's top usually sits a little above its heading's baseline; this much below it
// still counts as "at" the destination.
const belowTolerance = 2;

/**
 * Gives each block the outline path in force where it starts. An entry takes effect at the
 * block nearest below and beside its destination point on its page (the heading it points at),
 * or at its page's first block when the destination names no point, or at the next page's
 * first block when nothing on its page lies below the point.
 */
function placeHeadings(placed: PlacedBlock[], outline: OutlineTarget[]): void {
  if (outline.length === 0) return;
  const firstOfPage = new Map<number, number>();
  placed.forEach((p, i) => {
    if (!firstOfPage.has(p.block.page)) firstOfPage.set(p.block.page, i);
  });
  const pages = { firstOfPage, withText: [...firstOfPage.keys()] };
  const anchored = outline
    .map((target, order) => ({ target, order, at: anchorOf(placed, pages, target) }))
    .filter((a): a is { target: OutlineTarget; order: number; at: number } => a.at !== undefined)
    .sort((a, b) => a.at - b.at || a.order - b.order);
  let next = 0;
  let path: string[] | undefined;
  placed.forEach((p, i) => {
    for (let a = anchored[next]; a !== undefined && a.at <= i; a = anchored[++next]) path = a.target.path;
    if (path !== undefined && path.length > 0) p.block.headings = path;
  });
}

interface PageIndex {
  /** Index of each page's first block. */
  firstOfPage: ReadonlyMap<number, number>;
  /** The pages that have blocks, in increasing order. */
  withText: readonly number[];
}

function anchorOf(
  placed: readonly PlacedBlock[],
  pages: PageIndex,
  target: OutlineTarget,
): number | undefined {
  const { firstOfPage } = pages;
  const page = target.pageIndex + 1;
  const first = firstOfPage.get(page);
  if (first !== undefined) {
    const { top, left } = target;
    if (top === undefined) return first;
    let best: number | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let i = first; i < placed.length && placed[i]?.block.page === page; i++) {
      const p = placed[i];
      if (p === undefined || p.y > top + belowTolerance) continue;
      const distance = top - p.y + (left === undefined ? 0 : Math.abs(p.x - left));
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    if (best !== undefined) return best;
  }
  // Nothing below the point on its page (or an empty page): the section starts on a later page.
  return firstOfPage.get(firstPageAfter(pages.withText, page) ?? 0);
}

function firstPageAfter(pages: readonly number[], page: number): number | undefined {
  let lo = 0;
  let hi = pages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((pages[mid] ?? 0) > page) hi = mid;
    else lo = mid + 1;
  }
  return pages[lo];
}

// pdf.js signals the cause through the exception's name; its messages are too technical to show.
function openFailureReason(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") return "PDF is password-protected";
  if (name === "InvalidPDFException") return "file is not a valid PDF";
  return "PDF could not be read (the file may be damaged)";
}
