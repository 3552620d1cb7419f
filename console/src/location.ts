import type { components } from "@docstack/client";

export type ChunkLocation = components["schemas"]["ChunkLocation"];

/**
 * Where a passage lies, in words: pages, sheet and rows, section path, as far as the API returned
 * them (fields that do not apply to a format are absent). Empty when the chunk has no location.
 */
export function describeLocation(location: ChunkLocation): string {
  const parts: string[] = [];
  const pages = range(location.page_start, location.page_end);
  if (pages) parts.push(pages.includes("–") ? `pages ${pages}` : `page ${pages}`);
  if (location.sheet !== undefined) parts.push(`sheet ${location.sheet}`);
  const rows = range(location.row_start, location.row_end);
  if (rows) parts.push(rows.includes("–") ? `rows ${rows}` : `row ${rows}`);
  if (location.headings && location.headings.length > 0) parts.push(location.headings.join(" › "));
  return parts.join(", ");
}

function range(start: number | undefined, end: number | undefined): string {
  if (start === undefined) return end === undefined ? "" : String(end);
  return end === undefined || end === start ? String(start) : `${start}–${end}`;
}
