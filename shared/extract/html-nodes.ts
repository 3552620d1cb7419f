import { type HTMLElement, TextNode } from "node-html-parser";

// Content that is never visible text (or, for svg/iframe/object/canvas, is fallback or markup).
export const skippedTags = new Set("script style noscript template head svg iframe object canvas".split(" "));

// Elements that start a new paragraph; everything else is inline and flows into the current one.
export const blockTags = new Set(
  (
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption " +
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre " +
    "section summary table tbody tfoot thead tr ul"
  ).split(" "),
);

// node-html-parser hands these through as text nodes; they are markup, not content.
const markupInText = /<!doctype[^>]*>|<\?[^>]*>|<!\[CDATA\[[\s\S]*?\]\]>/gi;

// The parse root has a null rawTagName although the typings say string.
export function tagOf(element: HTMLElement): string {
  return (element.rawTagName ?? "").toLowerCase();
}

/** A text node's decoded text, without markup the parser left in it. */
export function textOf(node: TextNode): string {
  return node.rawText.includes("<") ? new TextNode(node.rawText.replace(markupInText, "")).text : node.text;
}

export function isHidden(element: HTMLElement): boolean {
  return skippedTags.has(tagOf(element)) || element.hasAttribute("hidden");
}
