import type { components } from "@docstack/client";

/** The signed-in key as GET /auth/whoami describes it: what the console may offer. */
export type Caller = components["schemas"]["Caller"];
type Scope = Caller["scopes"][number];

/** admin may do everything; read and write are separate (an ingest-only key is a write key). */
export function may(caller: Caller, scope: Scope): boolean {
  return caller.scopes.includes("admin") || caller.scopes.includes(scope);
}

/** Backups and the audit log act on every collection: a key limited to some may not. */
export function mayAdminister(caller: Caller): boolean {
  return caller.scopes.includes("admin") && caller.collections === null;
}

/** "ingest · write · 2 collections": who is signed in, in the header. */
export function describeCaller(caller: Caller): string {
  if (caller.kind === "anonymous") return "anonymous (no keys on this install)";
  const reach =
    caller.collections === null
      ? ""
      : ` · ${caller.collections.length} collection${caller.collections.length === 1 ? "" : "s"}`;
  return `${caller.name} · ${caller.scopes.join(", ")}${reach}`;
}
