import { z } from "@hono/zod-openapi";
import { type ErrorCode, errorCodes, errorStatus, errorTitles } from "../errors/api-error.js";
import { problemContentType, problemType } from "../errors/problem.js";

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: problemType("not_found") }),
    title: z.string().openapi({ example: errorTitles.not_found }),
    status: z.number().int().openapi({ example: 404 }),
    detail: z.string().openapi({ example: "Document 7b1c… not found" }),
    code: z.enum(errorCodes),
    requestId: z.string().openapi({ example: "5f0c2a8e-3d3b-4d5e-9f5c-1a2b3c4d5e6f" }),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem", { description: "RFC 9457 problem details" });

/**
 * OpenAPI response entries for the error codes a route can return (and 500, which any can).
 * Those its policy adds (401, 403, 429) come from the route's declaration: policyRoute.
 */
export function problemResponses(...codes: ErrorCode[]) {
  const all: ErrorCode[] = [...new Set<ErrorCode>([...codes, "internal"])];
  // Codes sharing a status (503: a dependency is down, or the process is overloaded) share one
  // entry, whose description names each.
  const titles = new Map<number, string[]>();
  for (const code of all)
    titles.set(errorStatus[code], [...(titles.get(errorStatus[code]) ?? []), errorTitles[code]]);
  return Object.fromEntries(
    [...titles].map(([status, names]) => [
      status,
      { description: names.join("; or "), content: { [problemContentType]: { schema: ProblemSchema } } },
    ]),
  );
}
