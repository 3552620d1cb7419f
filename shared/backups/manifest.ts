import { z } from "zod";

/**
 * One backup's manifest (`<backup dir>/<id>/manifest.json`). The backup tool writes it last and
 * atomically, so a directory without a valid manifest is an unfinished backup and is ignored.
 */
export const backupComponents = ["database", "objects", "vectors"] as const;
export type BackupComponent = (typeof backupComponents)[number];

const componentSchema = z.object({
  files: z
    .array(z.object({ path: z.string(), size: z.number().nonnegative(), sha256: z.string() }))
    .default([]),
  size: z.number().nonnegative(),
  count: z.number().int().nonnegative(),
  verified: z.boolean(),
  verified_at: z.iso.datetime({ offset: true }).optional(),
  // Added by the backup engine; optional so manifests without them still read.
  /** The adapter backed up: pglite | postgres, fs | minio, pgvector | chroma. */
  engine: z.string().optional(),
  duration_ms: z.number().nonnegative().optional(),
  /** Component-specific figures, e.g. rows per table, objects copied vs reused. */
  details: z.record(z.string(), z.number()).optional(),
});
export type BackupComponentManifest = z.infer<typeof componentSchema>;
export type BackupFile = BackupComponentManifest["files"][number];

export const manifestSchema = z.object({
  id: z.string().min(1),
  started_at: z.iso.datetime({ offset: true }),
  finished_at: z.iso.datetime({ offset: true }),
  components: z.partialRecord(z.enum(backupComponents), componentSchema),
  /** e.g. node, pg_dump, the PostgreSQL server's version string. */
  tool_versions: z.record(z.string(), z.string()).optional(),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** One section of a drill's before/after comparison (a table, objects, vectors, queries). */
const drillSectionSchema = z.object({
  before: z.number().int().nonnegative(),
  after: z.number().int().nonnegative(),
  lost: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  added: z.number().int().nonnegative(),
  examples: z.array(z.string()),
});

/**
 * A disaster-recovery drill (`<backup dir>/drills/latest.json`, and one file per drill):
 * backup, wipe, restore, compare. `rto_seconds` is the restore's wall time, its own checks
 * included: how long the stores were down for want of their data.
 */
export const drillSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  outcome: z.enum(["passed", "failed"]),
  rto_seconds: z.number().nonnegative(),
  backup_id: z.string(),
  // Optional so records of older drills still read.
  backup_seconds: z.number().nonnegative().optional(),
  verify_seconds: z.number().nonnegative().optional(),
  /** Bytes per component of the drill's backup. */
  sizes: z.record(z.string(), z.number().nonnegative()).optional(),
  comparison: z.record(z.string(), drillSectionSchema).optional(),
  /** The analytics rows compared: recorded at or after `from` and before `to` (analytics-window.ts). */
  analytics_window: z
    .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
    .optional(),
  error: z.string().optional(),
});
export type DrillRecord = z.infer<typeof drillSchema>;
