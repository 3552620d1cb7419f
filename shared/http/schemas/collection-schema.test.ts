// The library's schema is imported first, before anything loads @hono/zod-openapi, as it is when
// a command or test reaches createCollection before any route: documenting it must still work.

import { describe, expect, it } from "vitest";
import { ChunkingOverridesSchema as libraryChunking } from "../../chunking/chunking-overrides.js";
import { ChunkingOverridesSchema, CollectionNameSchema } from "./collection-schema.js";

describe("collection schemas", () => {
  it("document the library's chunking schema, whatever was loaded first", () => {
    expect(ChunkingOverridesSchema.meta()?.description).toMatch(/overlap must be below the size/);
    expect(ChunkingOverridesSchema.safeParse({ txt: { size: 100 } }).success).toBe(false);
    expect(libraryChunking.safeParse({ txt: { size: 100 } }).success).toBe(false);
  });

  it("clean the name, and refuse one with nothing visible left", () => {
    expect(CollectionNameSchema.parse("  ｐｏｌｉｃｙ\u200b\r\nnotes ")).toBe("policy notes");
    expect(CollectionNameSchema.safeParse("\u200b\u202e").error?.issues[0]?.message).toBe(
      "Nothing visible is left once cleaned",
    );
    expect(CollectionNameSchema.safeParse("x".repeat(201)).success).toBe(false);
  });
});
