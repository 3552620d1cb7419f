import { createDocstackClient, type DocstackClient, type Problem } from "@docstack/client";
import type { Session } from "./session.js";

/** The public API on the console's own origin, as the signed-in key (or anonymously). */
export function clientFor(session: Session): DocstackClient {
  const headers: Record<string, string> = session.key ? { authorization: `Bearer ${session.key}` } : {};
  return createDocstackClient(window.location.origin, { headers });
}

/** One line for a person: the API's problem detail, or what went wrong on the way to it. */
export function describeError(error: unknown, response?: Response): string {
  if (isProblem(error))
    return `${error.title}: ${error.detail} (${error.status}, request ${error.requestId})`;
  if (error instanceof Error) return `The request failed: ${error.message}`;
  return response ? `The request failed with status ${response.status}` : "The request failed";
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    "title" in value &&
    "detail" in value &&
    "status" in value &&
    "requestId" in value
  );
}
