import { ApiError, type ErrorCode, errorTitles, type FieldIssue } from "./api-error.js";

/** RFC 9457 problem details, as Docstack renders them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  requestId: string;
  instance?: string;
  errors?: FieldIssue[];
}

export const problemContentType = "application/problem+json";

export function problemType(code: ErrorCode): string {
  return `urn:docstack:problem:${code}`;
}

/**
 * Turns anything thrown into a problem. Unknown errors become a bare 500 so that internals
 * (SQL, stack traces, hostnames) never reach the client; the caller logs the original.
 */
export function toProblem(error: unknown, requestId: string, instance?: string): Problem {
  const apiError =
    error instanceof ApiError ? error : new ApiError("internal", "An unexpected error occurred");
  const problem: Problem = {
    type: problemType(apiError.code),
    title: errorTitles[apiError.code],
    status: apiError.status,
    detail: apiError.message,
    code: apiError.code,
    requestId,
  };
  if (instance !== undefined) problem.instance = instance;
  if (apiError.errors !== undefined) problem.errors = apiError.errors;
  return problem;
}
