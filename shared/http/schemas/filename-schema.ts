import { z } from "@hono/zod-openapi";
import { cleanFilename, filenameMaxLength } from "../../documents/clean-filename.js";
import { nonBlankPattern, storedText } from "./text.js";

/**
 * A document's name in a JSON body, cleaned as an upload's file name is (last path segment, no
 * control characters or direction overrides, NFC, trimmed); refused when nothing is left.
 */
export const FilenameSchema = storedText()
  .max(filenameMaxLength)
  .transform((raw, ctx) => {
    const cleaned = cleanFilename(raw);
    if (cleaned !== undefined) return cleaned;
    ctx.addIssue({
      code: "custom",
      message: "Nothing is left of this name once paths and control characters are removed",
    });
    return z.NEVER;
  })
  .openapi({
    type: "string",
    minLength: 1,
    maxLength: filenameMaxLength,
    pattern: nonBlankPattern,
    description:
      "Cleaned as an upload's file name is: only the last path segment is kept, control characters and " +
      "bidirectional overrides are removed, Unicode NFC, trimmed. A name with nothing left, or only . or .., is refused.",
    example: "Planning policy 2025.pdf",
  });
