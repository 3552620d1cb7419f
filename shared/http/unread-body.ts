/**
 * A function often answers before reading the request body: a missing key (401), a rate limit
 * (429), admission (503), a declared size over the limit (413). The rest of that body is still on
 * the connection. @hono/node-server gives it 500 ms to drain and otherwise cuts the connection,
 * and when the body had been opened as a stream (the JSON size check opens it) nothing reads it,
 * so past Node's buffer (about 64 KiB) the connection is always cut, though the response said
 * keep-alive. Nginx then sends its next request on that connection, gets no answer, and does not
 * retry a POST elsewhere: the client sees 503 "not reachable". Clients that pool connections
 * (Python requests, undici) fail the same way.
 *
 * So, once the answer is ready: a body up to `drainLimit` bytes is read and dropped in the
 * background, which keeps the connection usable; a larger one, one of unknown length, or one a
 * handler stopped reading part-way closes the connection, and the response says so.
 */

/** The parts of Node's IncomingMessage this needs (the Node adapter passes it as `env.incoming`). */
interface NodeIncoming {
  readableEnded: boolean;
  headers: Record<string, string | string[] | undefined>;
}

export type UnreadBodyOutcome = "none" | "drain" | "close";

function nodeIncoming(env: unknown): NodeIncoming | undefined {
  const incoming = (env as { incoming?: Partial<NodeIncoming> } | undefined)?.incoming;
  return typeof incoming?.readableEnded === "boolean" && typeof incoming.headers === "object"
    ? (incoming as NodeIncoming)
    : undefined;
}

/**
 * What to do about the request's body once its response is ready. On Workers (no Node incoming)
 * the platform owns the connection: nothing.
 */
export function unreadBodyOutcome(request: Request, env: unknown, drainLimit: number): UnreadBodyOutcome {
  const incoming = nodeIncoming(env);
  if (incoming === undefined || incoming.readableEnded) return "none";
  const length = incoming.headers["content-length"];
  const chunked = incoming.headers["transfer-encoding"] !== undefined;
  if (!chunked && (length === undefined || Number(length) === 0)) return "none";
  const declared = chunked ? Number.NaN : Number(length);
  const readable = !request.bodyUsed && request.body !== null && !request.body.locked;
  return readable && Number.isFinite(declared) && declared <= drainLimit ? "drain" : "close";
}

/** Reads the body to its end and drops it; a client that goes away ends it early. */
export async function discardBody(request: Request): Promise<void> {
  const body = request.body;
  if (body === null || body.locked) return;
  const reader = body.getReader();
  try {
    for (;;) if ((await reader.read()).done) return;
  } catch {
    // The connection closed under the read: there is nothing left to keep.
  } finally {
    reader.releaseLock();
  }
}
