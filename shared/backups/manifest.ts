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

export const drillSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  outcome: z.enum(["passed", "failed"]),
  rto_seconds: z.number().nonnegative(),
  backup_id: z.string(),
});
export type DrillRecord = z.infer<typeof drillSchema>;
