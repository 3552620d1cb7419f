import type { getDocumentProxy } from "unpdf";

export type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/** An outline (bookmark) entry resolved to where it points: its path, page and spot on it. */
export interface OutlineTarget {
  /** The entry's title after its ancestors' titles, outermost first. */
  path: string[];
  /** 0-based page index. */
  pageIndex: number;
  /** Where on the page the destination points, when it says (PDF user space). */
  left?: number;
  top?: number;
}

// Bounds for a hostile outline: entries past these are ignored, not fatal.
const maxEntries = 10_000;
const maxDepth = 32;

type OutlineItem = Awaited<ReturnType<PdfDocument["getOutline"]>>[number];

/**
 * The document's outline entries that point into it, in outline order. Entries that link
 * elsewhere (a URL, a script) or whose destination cannot be resolved are left out; a broken
 * outline gives no headings rather than failing the document.
 */
export async function pdfOutline(pdf: PdfDocument): Promise<OutlineTarget[]> {
  let items: OutlineItem[] | null;
  try {
    items = await pdf.getOutline();
  } catch {
    return [];
  }
  const targets: OutlineTarget[] = [];
  // Depth first, in outline order, with an explicit stack: the nesting depth comes from the file.
  const pending = [...(items ?? [])].reverse().map((item) => ({ item, parents: [] as string[] }));
  let seen = 0;
  for (let next = pending.pop(); next !== undefined && seen < maxEntries; next = pending.pop()) {
    seen++;
    const { item, parents } = next;
    const title = item.title.replace(/\s+/g, " ").trim();
    const path = title === "" ? parents : [...parents, title];
    const target = await resolveDestination(pdf, item.dest);
    if (target !== undefined && title !== "") targets.push({ path, ...target });
    if (path.length < maxDepth) {
      for (let i = item.items.length - 1; i >= 0; i--) {
        const child: OutlineItem | undefined = item.items[i];
        if (child !== undefined) pending.push({ item: child, parents: path });
      }
    }
  }
  return targets;
}

async function resolveDestination(
  pdf: PdfDocument,
  dest: OutlineItem["dest"],
): Promise<Omit<OutlineTarget, "path"> | undefined> {
  try {
    const explicit = typeof dest === "string" ? await pdf.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return undefined;
    const [ref, kind, ...args] = explicit as unknown[];
    const pageIndex = typeof ref === "number" ? ref : isRef(ref) ? await pdf.getPageIndex(ref) : Number.NaN;
    if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= pdf.numPages) return undefined;
    return { pageIndex, ...spotOnPage(kind, args) };
  } catch {
    return undefined;
  }
}

function isRef(value: unknown): value is { num: number; gen: number } {
  return typeof value === "object" && value !== null && "num" in value && "gen" in value;
}

/** The destination's top-left corner, for the kinds that name one (PDF 32000-1, 12.3.2.2). */
function spotOnPage(kind: unknown, args: unknown[]): { left?: number; top?: number } {
  const name = typeof kind === "object" && kind !== null && "name" in kind ? kind.name : undefined;
  const number = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
  switch (name) {
    case "XYZ":
      return withoutUndefined({ left: number(args[0]), top: number(args[1]) });
    case "FitH":
    case "FitBH":
      return withoutUndefined({ top: number(args[0]) });
    case "FitR":
      return withoutUndefined({ left: number(args[0]), top: number(args[3]) });
    default:
      return {};
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
