import { HTMLElement, type Node, parse, TextNode } from "node-html-parser";
import { ExtractionError } from "./extraction-error.js";

// Content that is never visible text (or, for svg/iframe/object/canvas, is fallback or markup).
const skippedTags = new Set("script style noscript template head svg iframe object canvas".split(" "));

// Elements that start a new paragraph; everything else is inline and flows into the current one.
const blockTags = new Set(
  (
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption " +
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre " +
    "section summary table tbody tfoot thead tr ul"
  ).split(" "),
);

// Cells of one row stay in one paragraph, separated so their values do not run together.
const cellTags = new Set(["td", "th"]);

// node-html-parser hands these through as text nodes; they are markup, not content.
const markupInText = /<!doctype[^>]*>|<\?[^>]*>|<!\[CDATA\[[\s\S]*?\]\]>/gi;

/** Visible text of an HTML document or fragment, one paragraph per block, blank-line separated. */
export function htmlText(html: string): string {
  let root: HTMLElement;
  try {
    // script/style contents are kept raw so "</div>" inside a string cannot derail the tree.
    root = parse(html, { comment: false, blockTextElements: { script: true, style: true, noscript: true } });
  } catch {
    throw new ExtractionError("HTML could not be parsed");
  }
  const out = new ParagraphCollector();
  walk(root, out);
  return out.finish();
}

type Step = { enter: Node } | { leave: HTMLElement };

// Iterative on purpose: pathological nesting depth must not overflow the call stack.
function walk(root: HTMLElement, out: ParagraphCollector): void {
  const stack: Step[] = [{ enter: root }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if ("leave" in step) {
      const tag = tagOf(step.leave);
      if (tag === "pre") out.preformattedDepth--;
      if (blockTags.has(tag)) out.breakParagraph();
      continue;
    }
    const node = step.enter;
    if (node instanceof TextNode) {
      out.addText(node.rawText.includes("<") ? decodeWithoutMarkup(node) : node.text);
    } else if (node instanceof HTMLElement) {
      const tag = tagOf(node);
      if (skippedTags.has(tag) || node.hasAttribute("hidden")) continue;
      if (blockTags.has(tag)) out.breakParagraph();
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

// The parse root has a null rawTagName although the typings say string.
function tagOf(element: HTMLElement): string {
  return (element.rawTagName ?? "").toLowerCase();
}

function decodeWithoutMarkup(node: TextNode): string {
  return new TextNode(node.rawText.replace(markupInText, "")).text;
}

class ParagraphCollector {
  preformattedDepth = 0;
  private readonly paragraphs: string[] = [];
  private parts: string[] = [];
  private hasContent = false;
  private preformatted = false;

  addText(text: string): void {
    if (this.preformattedDepth > 0) this.preformatted = true;
    if (/\S/.test(text)) this.hasContent = true;
    this.parts.push(text);
  }

  separateCell(): void {
    if (this.hasContent) this.parts.push(" | ");
  }

  breakParagraph(): void {
    const raw = this.parts.join("");
    this.parts = [];
    this.hasContent = false;
    const paragraph = this.preformatted ? tidyPreformatted(raw) : raw.replace(/\s+/g, " ").trim();
    this.preformatted = false;
    if (paragraph !== "") this.paragraphs.push(paragraph);
  }

  finish(): string {
    this.breakParagraph();
    return this.paragraphs.join("\n\n");
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
