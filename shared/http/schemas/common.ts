import { z } from "@hono/zod-openapi";

export const IdParams = z.object({
  id: z
    .uuid()
    .openapi({ param: { name: "id", in: "path" }, example: "0f8fad5b-d9cb-469f-a165-70867728950e" }),
});

/**
 * A whole number in a query string, written in plain decimal digits. `z.coerce.number()` would
 * read "" (an empty `offset=`) and " " as 0 and take "1e2", "0x10" or "+5" too.
 */
export function queryInteger(range: { min: number; max: number; default: number }) {
  return z
    .preprocess(
      (value) => (typeof value === "string" && /^\d{1,16}$/.test(value) ? Number(value) : value),
      z
        .number({
          error: (issue) =>
            issue.code === "invalid_type" ? "Expected a whole number in decimal digits" : undefined,
        })
        .int()
        .min(range.min)
        .max(range.max),
    )
    .default(range.default)
    .openapi({
      type: "integer",
      minimum: range.min,
      maximum: range.max,
      default: range.default,
      example: range.default,
    });
}

export const PageQuery = z.object({
  limit: queryInteger({ min: 1, max: 100, default: 20 }),
  offset: queryInteger({ min: 0, max: 1_000_000, default: 0 }),
});
