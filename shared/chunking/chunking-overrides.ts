import { z } from "zod";
import type { DocumentKind } from "../extract/document-kind.js";
import {
  type ChunkSettings,
  chunkSettingLimits,
  chunkSettingsProblem,
  defaultChunkSettings,
} from "./chunk-settings.js";

const { minSize, maxSize, maxOverlap } = chunkSettingLimits;

/** Closed: a misspelt field ("sise") is refused rather than silently falling back to the default. */
const ChunkSettingsOverride = z.strictObject({
  size: z.number().int().min(minSize).max(maxSize).optional(),
  overlap: z.number().int().min(0).max(maxOverlap).optional(),
});

/**
 * A collection's per-kind chunking overrides, and the one check of them: the HTTP contract is
 * generated from this schema and createCollection validates with it, so what the contract allows
 * is what the server accepts. The overlap must stay below the size, where a field left out
 * counts as that kind's default (txt: size 1200, overlap 120), as indexing will use it.
 */
export const ChunkingOverridesSchema = z
  .strictObject({
    pdf: ChunkSettingsOverride.optional(),
    docx: ChunkSettingsOverride.optional(),
    txt: ChunkSettingsOverride.optional(),
    md: ChunkSettingsOverride.optional(),
    html: ChunkSettingsOverride.optional(),
    csv: ChunkSettingsOverride.optional(),
    xlsx: ChunkSettingsOverride.optional(),
    ods: ChunkSettingsOverride.optional(),
    pptx: ChunkSettingsOverride.optional(),
    odp: ChunkSettingsOverride.optional(),
    odt: ChunkSettingsOverride.optional(),
    rtf: ChunkSettingsOverride.optional(),
    eml: ChunkSettingsOverride.optional(),
    png: ChunkSettingsOverride.optional(),
    jpeg: ChunkSettingsOverride.optional(),
    tiff: ChunkSettingsOverride.optional(),
  })
  .superRefine((overrides, ctx) => {
    for (const [kind, override] of Object.entries(overrides) as [DocumentKind, Partial<ChunkSettings>][]) {
      if (override === undefined) continue;
      const defaults = defaultChunkSettings[kind];
      const size = override.size ?? defaults.size;
      const overlap = override.overlap ?? defaults.overlap;
      // Each field's own bounds were reported above; this is only the relation between them.
      const fieldsValid =
        chunkSettingsProblem({ size, overlap: 0 }) === undefined && Number.isInteger(overlap) && overlap >= 0;
      if (!fieldsValid || overlap < size) continue;
      ctx.addIssue({
        code: "custom",
        path: [kind, override.overlap === undefined ? "size" : "overlap"],
        message:
          `overlap ${overlap}${override.overlap === undefined ? ` (the ${kind} default)` : ""} must be below ` +
          `size ${size}${override.size === undefined ? ` (the ${kind} default)` : ""}`,
      });
    }
  });

export type ChunkingOverrides = z.infer<typeof ChunkingOverridesSchema>;
