/** PostgreSQL's unique_violation (SQLSTATE 23505), as both postgres.js and PGlite report it. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "23505";
}
