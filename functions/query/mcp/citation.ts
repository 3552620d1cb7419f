import type { ChunkLocation } from "../../../shared/extract/extracted-document.js";

const span = (one: string, many: string, start?: number, end?: number): string | undefined => {
  if (start === undefined) return undefined;
  return end === undefined || end === start ? `${one} ${start}` : `${many} ${start}–${end}`;
};

/**
 * Where a passage lies, in words a reader checks a citation by: "page 3", "sheet Q1, rows 2–9",
 * "section 3 Objections › 3.2 Deadlines". Empty when the chunk has no location.
 */
export function locationLabel(location: Partial<ChunkLocation>): string {
  const parts = [
    span("page", "pages", location.page_start, location.page_end),
    location.sheet === undefined ? undefined : `sheet ${location.sheet}`,
    span("row", "rows", location.row_start, location.row_end),
    location.headings?.length ? `section ${location.headings.join(" › ")}` : undefined,
  ];
  return parts.filter((p) => p !== undefined).join(", ");
}

export interface CitablePassage {
  document_id: string;
  filename: string;
  chunk_index: number;
  text: string;
  location: Partial<ChunkLocation>;
  score: number;
}

/**
 * Ranked passages as text a model can quote and cite: "[1] report.pdf, page 3 (…):" then the
 * passage. The document id is there so the model can read more of it with get_document.
 */
export function citablePassages(passages: readonly CitablePassage[]): string {
  if (passages.length === 0) return "No passage matched.";
  return passages
    .map((p, i) => {
      const where = locationLabel(p.location);
      const source = where === "" ? p.filename : `${p.filename}, ${where}`;
      const details = `document_id ${p.document_id}, chunk ${p.chunk_index}, score ${p.score.toPrecision(4)}`;
      return `[${i + 1}] ${source} (${details}):\n${p.text}`;
    })
    .join("\n\n");
}
