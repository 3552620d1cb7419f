import { ApiError } from "../errors/api-error.js";

export const scopes = ["read", "write", "admin"] as const;
export type Scope = (typeof scopes)[number];

/** Who is calling: an API key, or nobody-in-particular while a development install has no keys. */
export interface Principal {
  /** The key's name; goes into documents.api_key_name, audit rows and logs. */
  name: string;
  kind: "key" | "anonymous";
  /** The key's first characters (as `npm run keys -- list` shows them); absent when anonymous. */
  keyPrefix?: string;
  scopes: readonly Scope[];
  /** null: every collection. */
  collections: readonly string[] | null;
  rateLimits: Partial<Record<"query" | "upload" | "default", number>>;
}

/** A development install with no keys yet: everything is open, as before keys existed. */
export const anonymousPrincipal: Principal = {
  name: "anonymous",
  kind: "anonymous",
  scopes: ["read", "write", "admin"],
  collections: null,
  rateLimits: {},
};

/** admin can do everything; read and write are separate (an ingest-only key is a write key). */
export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.scopes.includes("admin") || principal.scopes.includes(scope);
}

export function assertScope(principal: Principal, scope: Scope): void {
  if (!hasScope(principal, scope)) {
    throw new ApiError("forbidden", `The API key "${principal.name}" lacks the ${scope} scope`);
  }
}

export function mayUseCollection(principal: Principal, collectionId: string): boolean {
  return principal.collections === null || principal.collections.includes(collectionId);
}

export function assertCollection(principal: Principal, collectionId: string): void {
  if (!mayUseCollection(principal, collectionId)) {
    throw new ApiError("forbidden", `The API key "${principal.name}" may not use collection ${collectionId}`);
  }
}

/** Operations over every collection at once are for keys not limited to some. */
export function assertAllCollections(principal: Principal, what: string): void {
  if (principal.collections !== null) {
    throw new ApiError(
      "forbidden",
      `The API key "${principal.name}" is limited to some collections: ${what} needs a key for every collection`,
    );
  }
}
