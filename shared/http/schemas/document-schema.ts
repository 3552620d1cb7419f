import { z } from "@hono/zod-openapi";

export const DocumentSchema = z
  .object({
    id: z.uuid(),
    collection_id: z.uuid(),
    filename: z.string(),
    content_type: z.string().openapi({ example: "application/pdf" }),
    size: z.number().int(),
    sha256: z
      .string()
      .openapi({ example: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" }),
    upload_date: z.string().openapi({ format: "date-time" }),
    created_by: z.string().nullable(),
    index_status: z.enum(["pending", "indexing", "indexed", "failed"]),
    is_indexed: z.boolean(),
    indexed_at: z.string().nullable().openapi({ format: "date-time" }),
    index_error: z.string().nullable(),
    chunk_count: z.number().int(),
    text_encoding: z
      .string()
      .nullable()
      .openapi({
        description:
          "The character encoding a text file (TXT, MD, HTML, CSV) was read in, as a WHATWG Encoding Standard name " +
          "(utf-8, utf-16le, windows-1252, koi8-r, shift_jis, …; also utf-32le and utf-32be), chosen from the whole " +
          "file when it is indexed: its byte order mark, an HTML <meta charset> or XML declaration, UTF-8, or " +
          "detection. ISO-8859-1 is reported as windows-1252, the superset every browser reads it as. Null for " +
          "PDF and DOCX, and until the document has been indexed.",
        example: "windows-1252",
      }),
    ocr_pages: z
      .array(z.number().int())
      .nullable()
      .openapi({
        description:
          "The pages (1-based; an image file's page 1, a TIFF's each page) whose text was read by OCR, because " +
          "they had no usable text layer: their passages may hold recognition errors. Null when no page was " +
          "OCR'd, and until the document has been indexed.",
        example: [2, 3],
      }),
    metadata: z.record(z.string(), z.unknown()),
  })
  .openapi("Document");
