import { HTMLElement, TextNode } from "node-html-parser";
import { blockTags, isHidden, tagOf, textOf } from "./html-nodes.js";

/** A table read row by row: its header lines and its other rows, cells joined by " | ". */
export interface TableRows {
  header: string[];
  rows: string[];
}

const cellSeparator = " | ";
// HTML caps colspan at 1000; rowspan is clamped to the rows the table has.
const maxColspan = 1000;

/**
 * A data table's rows, or undefined for a table used for layout (one row, a nested table, or
 * role="presentation"), which is better read as ordinary paragraphs. The header is the rows of
 * <thead>, else the leading rows made only of <th> cells, else the first row. A cell spanning
 * several rows is repeated in each, so every row reads on its own; a cell spanning several
 * columns is written once. Empty cells at a row's end are dropped, and empty rows with them.
 */
export function tableRows(table: HTMLElement): TableRows | undefined {
  const role = table.getAttribute("role")?.toLowerCase();
  if (role === "presentation" || role === "none") return undefined;
  const found = rowsOf(table);
  if (found === undefined || found.rows.length < 2) return undefined;
  const lines = renderRows(found.rows);
  let headerCount = found.headRows > 0 ? found.headRows : leadingHeaderRows(found.rows);
  if (headerCount === 0) headerCount = 1;
  const header = lines.slice(0, headerCount).filter((line) => line !== "");
  const rows = lines.slice(headerCount).filter((line) => line !== "");
  if (header.length === 0) {
    const [first, ...rest] = rows;
    return first === undefined ? undefined : { header: [first], rows: rest };
  }
  return { header, rows };
}

interface FoundRows {
  rows: HTMLElement[];
  /** How many of `rows`, from the start, came from <thead>. */
  headRows: number;
}

/** The table's own rows (head rows first), or undefined when it holds another table. */
function rowsOf(table: HTMLElement): FoundRows | undefined {
  const head: HTMLElement[] = [];
  const body: HTMLElement[] = [];
  // Iterative: a hostile table may nest deeply.
  const stack: { node: HTMLElement; inHead: boolean }[] = [{ node: table, inHead: false }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    for (let i = next.node.childNodes.length - 1; i >= 0; i--) {
      const child = next.node.childNodes[i];
      if (!(child instanceof HTMLElement) || isHidden(child)) continue;
      const tag = tagOf(child);
      if (tag === "table") return undefined;
      if (tag === "tr") {
        (next.inHead ? head : body).push(child);
        if (child.querySelector("table") !== null) return undefined;
      } else if (tag === "thead" || tag === "tbody" || tag === "tfoot") {
        stack.push({ node: child, inHead: next.inHead || tag === "thead" });
      }
    }
  }
  // Children were visited last to first.
  head.reverse();
  body.reverse();
  return { rows: [...head, ...body], headRows: head.length };
}

function leadingHeaderRows(rows: readonly HTMLElement[]): number {
  let count = 0;
  for (const row of rows) {
    const cells = cellsOf(row);
    if (cells.length === 0 || !cells.every((cell) => tagOf(cell) === "th")) break;
    count++;
  }
  return count;
}

function cellsOf(row: HTMLElement): HTMLElement[] {
  return row.childNodes.filter(
    (c): c is HTMLElement =>
      c instanceof HTMLElement && (tagOf(c) === "td" || tagOf(c) === "th") && !isHidden(c),
  );
}

/** Sentinel for grid positions covered by the cell to their left (a colspan). */
const spanned = Symbol("spanned");
type Slot = string | typeof spanned;

function renderRows(rows: readonly HTMLElement[]): string[] {
  // Cells that span down into later rows, by column: what they show there and for how long.
  const carried = new Map<number, { slot: Slot; rowsLeft: number }>();
  return rows.map((row, r) => {
    const slots: Slot[] = [];
    const takeCarried = () => {
      for (let c = carried.get(slots.length); c !== undefined; c = carried.get(slots.length)) {
        slots.push(c.slot);
        if (--c.rowsLeft === 0) carried.delete(slots.length - 1);
      }
    };
    for (const cell of cellsOf(row)) {
      takeCarried();
      const text = cellText(cell);
      const colspan = clamp(cell.getAttribute("colspan"), 1, maxColspan);
      const rowsAfter = rows.length - r - 1;
      const rowspanAttr = cell.getAttribute("rowspan");
      // rowspan="0" spans to the end of the table.
      const rowspan = rowspanAttr?.trim() === "0" ? rowsAfter + 1 : clamp(rowspanAttr, 1, rowsAfter + 1);
      const start = slots.length;
      for (let k = 0; k < colspan; k++) {
        const slot: Slot = k === 0 ? text : spanned;
        slots.push(slot);
        if (rowspan > 1) carried.set(start + k, { slot, rowsLeft: rowspan - 1 });
      }
    }
    // Cells spanning down into the columns after this row's last cell.
    for (const column of [...carried.keys()].sort((a, b) => a - b)) {
      if (column < slots.length) continue;
      while (slots.length < column) slots.push("");
      takeCarried();
    }
    const values = slots.filter((s): s is string => s !== spanned);
    while (values.length > 0 && values[values.length - 1] === "") values.pop();
    return values.join(cellSeparator);
  });
}

function clamp(value: string | undefined, min: number, max: number): number {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
}

/** A cell's visible text on one line: its paragraphs and line breaks become spaces. */
export function cellText(cell: HTMLElement): string {
  const parts: string[] = [];
  const stack: (HTMLElement | TextNode | string)[] = [cell];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next === "string") {
      parts.push(next);
    } else if (next instanceof TextNode) {
      parts.push(textOf(next));
    } else if (!isHidden(next)) {
      const separate = blockTags.has(tagOf(next));
      if (separate) stack.push(" ");
      for (let i = next.childNodes.length - 1; i >= 0; i--) {
        const child = next.childNodes[i];
        if (child instanceof HTMLElement || child instanceof TextNode) stack.push(child);
      }
      if (separate) parts.push(" ");
    }
  }
  return parts.join("").replace(/\s+/g, " ").trim();
}
