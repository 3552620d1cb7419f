import { z } from "@hono/zod-openapi";

const position = (description: string) => z.number().int().min(1).optional().openapi({ description });

/** A chunk's place in its document, as stored with the chunk (extracted-document.ts). */
export const ChunkLocationSchema = z
  .object({
    page_start: position("First PDF page (or slide) the passage is on, 1-based."),
    page_end: position("Last PDF page (or slide) the passage is on, 1-based."),
    sheet: z.string().optional().openapi({ description: "Spreadsheet sheet name." }),
    row_start: position("First table row of the passage, 1-based, the header row counted (CSV, sheets)."),
    row_end: position("Last table row of the passage, 1-based, the header row counted."),
    headings: z
      .array(z.string())
      .optional()
      .openapi({
        description:
          "The section path where the passage starts, outermost first: headings of DOCX, HTML and " +
          "Markdown documents, or a PDF's outline (bookmarks).",
        example: ["3 Objections", "3.2 Deadlines"],
      }),
    char_start: z
      .number()
      .int()
      .min(0)
      .optional()
      .openapi({
        description:
          "Where the passage starts in the document's extracted text (GET /documents/{id}/text), in " +
          "Unicode code points from 0. A table header line repeated at the start of the passage's " +
          "text is not part of the span.",
      }),
    char_end: z
      .number()
      .int()
      .min(0)
      .optional()
      .openapi({ description: "Where the passage ends in the extracted text (exclusive), in code points." }),
  })
  .openapi("ChunkLocation", {
    description:
      "Where a passage lies in its document. Fields that do not apply to the document's format are " +
      "absent. Chunks indexed before locations were recorded have none: re-index the document.",
    example: {
      page_start: 12,
      page_end: 12,
      headings: ["3 Objections", "3.2 Deadlines"],
      char_start: 20480,
      char_end: 21391,
    },
  });
