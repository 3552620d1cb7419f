import { z } from "@hono/zod-openapi";

/**
 * RFC 3339 allows what PostgreSQL's timestamptz refuses: a zone offset beyond ±15:59 and the
 * year 0000. Checked here, so such a value is a 422 naming the parameter, not a database error.
 */
const postgresRange =
  /^(?:000[1-9]|00[1-9]\d|0[1-9]\d{2}|[1-9]\d{3})-\d{2}-\d{2}T[^Z+-]*(?:Z|[+-](?:0\d|1[0-5]):[0-5]\d)$/;

/** A date-time with an offset, as PostgreSQL's timestamptz accepts it. */
export const TimestampSchema = z.iso
  .datetime({ offset: true })
  .regex(postgresRange, "Use a year from 0001 to 9999 and an offset from -15:59 to +15:59 (Z for UTC)")
  .openapi({
    format: "date-time",
    description: "RFC 3339 date-time; year 0001–9999, offset within ±15:59",
    example: "2026-01-31T09:00:00Z",
  });
