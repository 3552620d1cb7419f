/**
 * What extraction yields: the document's text as blocks in reading order, each knowing where it
 * sits (page or slide, sheet and row, section path). Chunking keeps those places, so every
 * passage can be cited ("page 12", "sheet Budget, rows 40-52", "3 Objections > 3.2 Deadlines").
 * Fields that do not apply are absent, never invented.
 *
 * The document's extracted text is its blocks joined in order: consecutive rows of one table
 * (same `tableHeader`, page and sheet) by a line break, every other pair of blocks by a blank
 * line (shared/chunking/lay-out-blocks.ts). A block is a paragraph, a heading, a list, a table
 * row or a page's paragraph; a block never spans two pages, slides or sheets.
 */
export interface BlockPlace {
  /** 1-based PDF page or PPTX slide. */
  page?: number;
  /** Spreadsheet sheet name (XLSX, ODS). Absent for CSV, which has one table. */
  sheet?: string;
  /** 1-based row in its sheet or CSV file, the header row counted. */
  row?: number;
  /**
   * The section path: the enclosing headings, outermost first. A heading's own block ends its
   * path with itself.
   */
  headings?: string[];
}

export interface TextBlock extends BlockPlace {
  text: string;
  /**
   * A table row's header line ("Year | Freshwater ducks"): a chunk that holds rows of this table
   * starts with it, so each chunk reads on its own. The header row is a block of the table too
   * (its text is this line), so the extracted text holds it once, where the document has it.
   * Cells are joined by " | "; a header of several rows is one line per row.
   */
  tableHeader?: string;
  /** How the text was obtained, when not from the document's own text: OCR, a form field. */
  source?: "ocr" | "form-field";
}

export interface ExtractedDocument {
  blocks: TextBlock[];
  /** The character encoding a text file was decoded from (declared, by BOM, or detected). */
  encoding?: string;
  /** Pages (1-based) whose text came from OCR. */
  ocrPages?: number[];
}

/** A chunk's place, stored with it and returned with every passage. */
export interface ChunkLocation {
  page_start?: number;
  page_end?: number;
  sheet?: string;
  row_start?: number;
  row_end?: number;
  headings?: string[];
  /** Code-point offsets into the document's extracted text (GET /documents/{id}/text). */
  char_start: number;
  char_end: number;
}
