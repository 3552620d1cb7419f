import type { Context } from "hono";

/**
 * The caller's address for rate limiting and audit. Forwarded headers are only believed when
 * the deployment says a proxy (Nginx) sets them; otherwise anyone could pick their own bucket.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const real = c.req.header("x-real-ip") ?? c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (real) return real;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? c.req.header("cf-connecting-ip") ?? "unknown";
}
