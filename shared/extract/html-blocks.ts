import { HTMLElement, type Node, parse, TextNode } from "node-html-parser";
import type { TextBlock } from "./extracted-document.js";
import { ExtractionError } from "./extraction-error.js";
import { blockTags, isHidden, tagOf, textOf } from "./html-nodes.js";
import { tableRows } from "./html-table.js";

// Cells of one row stay in one paragraph, separated so their values do not run together.
const cellTags = new Set(["td", "th"]);
const headingLevels: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/**
 * Visible text of an HTML document or fragment as blocks: one per paragraph, heading, list item
 * or table row, each with the path of the h1-h6 headings it sits under. A data table gives one
 * block per row with its header line (html-table.ts); a layout table is read as paragraphs.
 */
export function htmlBlocks(html: string): TextBlock[] {
  let root: HTMLElement;
  try {
    // script/style contents are kept raw so "</div>" inside a string cannot derail the tree.
    root = parse(html, { comment: false, blockTextElements: { script: true, style: true, noscript: true } });
  } catch {
    throw new ExtractionError("HTML could not be parsed");
  }
  const out = new BlockCollector();
  walk(root, out);
  return out.finish();
}

type Step = { enter: Node } | { leave: HTMLElement };

// Iterative on purpose: pathological nesting depth must not overflow the call stack.
function walk(root: HTMLElement, out: BlockCollector): void {
  const stack: Step[] = [{ enter: root }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if ("leave" in step) {
      const tag = tagOf(step.leave);
      if (tag === "pre") out.preformattedDepth--;
      const level = headingLevels[tag];
      if (level !== undefined) out.endHeading();
      else if (blockTags.has(tag)) out.breakParagraph();
      continue;
    }
    const node = step.enter;
    if (node instanceof TextNode) {
      out.addText(textOf(node));
    } else if (node instanceof HTMLElement) {
      if (isHidden(node)) continue;
      const tag = tagOf(node);
      if (tag === "table" && out.addTable(node)) continue;
      const level = headingLevels[tag];
      if (level !== undefined) out.startHeading(level);
      else if (blockTags.has(tag)) out.breakParagraph();
      if (cellTags.has(tag)) out.separateCell();
      if (tag === "pre") out.preformattedDepth++;
      stack.push({ leave: node });
      for (let i = node.childNodes.length - 1; i >= 0; i--) {
        const child = node.childNodes[i];
        if (child !== undefined) stack.push({ enter: child });
      }
    }
  }
}

class BlockCollector {
  preformattedDepth = 0;
  private readonly blocks: TextBlock[] = [];
  private readonly sections: { level: number; title: string }[] = [];
  /** The section path, shared by the blocks of one section (it changes only at a heading). */
  private path: string[] = [];
  private parts: string[] = [];
  private hasContent = false;
  private preformatted = false;
  /** Headings open around the current text; only the outermost one names a section. */
  private headingDepth = 0;
  private headingLevel = 0;

  addText(text: string): void {
    if (this.preformattedDepth > 0) this.preformatted = true;
    if (/\S/.test(text)) this.hasContent = true;
    this.parts.push(text);
  }

  separateCell(): void {
    if (this.hasContent) this.parts.push(" | ");
  }

  startHeading(level: number): void {
    if (this.headingDepth++ > 0) return;
    this.breakParagraph();
    this.headingLevel = level;
  }

  endHeading(): void {
    if (--this.headingDepth > 0) return;
    const title = this.takeParagraph();
    if (title === "") return;
    while ((this.sections.at(-1)?.level ?? 0) >= this.headingLevel) this.sections.pop();
    this.sections.push({ level: this.headingLevel, title });
    this.path = this.sections.map((section) => section.title);
    this.blocks.push({ text: title, headings: this.path });
  }

  /** Adds a data table row by row; false for a layout table, which the walk reads instead. */
  addTable(table: HTMLElement): boolean {
    const found = tableRows(table);
    if (found === undefined) return false;
    this.breakParagraph();
    const tableHeader = found.header.join("\n");
    const place = this.place();
    this.blocks.push({ text: tableHeader, tableHeader, ...place });
    for (const row of found.rows) this.blocks.push({ text: row, tableHeader, ...place });
    return true;
  }

  breakParagraph(): void {
    // Inside a heading, inner blocks and line breaks only separate words of its title.
    if (this.headingDepth > 0) {
      this.parts.push(" ");
      return;
    }
    const paragraph = this.takeParagraph();
    if (paragraph !== "") this.blocks.push({ text: paragraph, ...this.place() });
  }

  finish(): TextBlock[] {
    this.headingDepth = 0;
    this.breakParagraph();
    return this.blocks;
  }

  private takeParagraph(): string {
    const raw = this.parts.join("");
    this.parts = [];
    this.hasContent = false;
    const paragraph = this.preformatted ? tidyPreformatted(raw) : raw.replace(/\s+/g, " ").trim();
    this.preformatted = false;
    return paragraph;
  }

  private place(): Pick<TextBlock, "headings"> {
    return this.path.length === 0 ? {} : { headings: this.path };
  }
}

// <pre> keeps its line structure (code, poems, tables); only trailing blanks and edge lines go.
function tidyPreformatted(raw: string): string {
  return raw
    .split(/\r\n?|\n/)
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}
