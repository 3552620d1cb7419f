import { getDocumentProxy } from "unpdf";
import type { TextBlock } from "./extracted-document.js";
import { ExtractionError } from "./extraction-error.js";
import { type OutlineTarget, type PdfDocument, pdfOutline } from "./pdf-outline.js";
import { type PdfTextItem, pdfParagraphs } from "./pdf-paragraphs.js";

/** A paragraph block with where on its page it starts, for placing outline entries. */
interface PlacedBlock {
  block: TextBlock & { page: number };
  x: number;
  y: number;
}

/**
 * A PDF's paragraphs, page by page, each with its 1-based page; when the PDF has an outline
 * (bookmarks), each paragraph also carries the path of the last entry at or before it.
 */
export async function pdfBlocks(bytes: Uint8Array): Promise<TextBlock[]> {
  // pdf.js may transfer (detach) the buffer it is given; a copy keeps the caller's bytes usable.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }).catch((error: unknown) => {
    throw new ExtractionError(openFailureReason(error), { cause: error });
  });
  try {
    const placed = await pageParagraphs(pdf);
    if (placed.length === 0) throw new ExtractionError("PDF has no extractable text (scanned image?)");
    placeHeadings(placed, await pdfOutline(pdf));
    return placed.map((p) => p.block);
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    throw new ExtractionError("PDF could not be read (the file may be damaged)", { cause: error });
  } finally {
    await pdf.destroy();
  }
}

// One page at a time, each released before the next, so memory follows the largest page rather
// than the whole document.
async function pageParagraphs(pdf: PdfDocument): Promise<PlacedBlock[]> {
  const placed: PlacedBlock[] = [];
  for (let page = 1; page <= pdf.numPages; page++) {
    const proxy = await pdf.getPage(page);
    const content = await proxy.getTextContent();
    proxy.cleanup();
    const items: PdfTextItem[] = [];
    for (const item of content.items) if ("str" in item) items.push(item);
    for (const paragraph of pdfParagraphs(items)) {
      placed.push({ block: { text: paragraph.text, page }, x: paragraph.x, y: paragraph.y });
    }
  }
  return placed;
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
