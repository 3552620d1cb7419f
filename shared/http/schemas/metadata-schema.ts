import { z } from "@hono/zod-openapi";
import {
  type Metadata,
  type MetadataIssue,
  type MetadataRules,
  metadataIssues,
  metadataLimits,
  parseMetadata,
} from "../../documents/metadata.js";
import { nulFreePattern } from "./text.js";

const bounds =
  `Nested at most ${metadataLimits.depth} levels deep, at most ${metadataLimits.entries} keys and array items ` +
  `in all, keys of at most ${metadataLimits.keyLength} characters, at most ${metadataLimits.bytes} bytes as JSON.`;

function report(ctx: z.RefinementCtx, issues: MetadataIssue[]) {
  for (const issue of issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
}

/**
 * The value passes through as it came, never copied key by key: `z.record` would assign each
 * key into a new object, where "__proto__" sets the prototype instead of making a key.
 */
function metadataObject(rules: MetadataRules) {
  return z.custom<Metadata>().superRefine((value, ctx) => report(ctx, metadataIssues(value, rules)));
}

/** An upload's `metadata` form field: a JSON object as text. */
export const MetadataFieldSchema = z
  .string()
  .optional()
  .transform((text, ctx): Metadata => {
    if (text === undefined || text === "") return {};
    const parsed = parseMetadata(text);
    if ("metadata" in parsed) return parsed.metadata;
    report(ctx, parsed.issues);
    return z.NEVER;
  });

export const metadataFieldDescription = `A JSON object. ${bounds} No key or string, at any level, may contain NUL (U+0000).`;

const nulFreeString = { type: "string", pattern: nulFreePattern };
const metadataKeys = { maxLength: metadataLimits.keyLength, pattern: nulFreePattern };

/**
 * The upload's metadata as the contract states it: JSON objects, at every level, whose keys and
 * strings hold no NUL (PostgreSQL's jsonb cannot store one). The recursion goes through objects
 * only: arrays' items are left open, because a type generated from an array of itself does not
 * compile in TypeScript (openapi-typescript) and openapi-python-client refuses a union that
 * names itself. The bounds across levels (depth, total entries, size) are in the description.
 */
export const metadataComponents = {
  MetadataObject: {
    type: "object",
    propertyNames: metadataKeys,
    additionalProperties: { $ref: "#/components/schemas/MetadataValue" },
  },
  MetadataValue: {
    anyOf: [
      nulFreeString,
      { type: "number" },
      { type: "boolean" },
      { type: "null" },
      { type: "array", items: {} },
      { $ref: "#/components/schemas/MetadataObject" },
    ],
  },
};

export const metadataObjectContract = {
  type: "object",
  propertyNames: metadataKeys,
  additionalProperties: { $ref: "#/components/schemas/MetadataValue" },
  maxProperties: metadataLimits.entries,
  description: metadataFieldDescription,
  example: { department: "planning" },
} as const;

/** A document's whole metadata object in a JSON body (PATCH /documents/{id}). */
export const MetadataObjectSchema = metadataObject({}).meta({ ...metadataObjectContract });
