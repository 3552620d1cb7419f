import { describe, expect, it } from "vitest";
import { stripShebang } from "./redis-rate-limiter.js";

describe("stripShebang", () => {
  it("removes the flags line Redis 7.0 rejects and keeps the script", () => {
    expect(stripShebang("#!lua flags=allow-key-locking\n  local key = KEYS[1]\n")).toBe(
      "  local key = KEYS[1]\n",
    );
    expect(stripShebang("local x = 1")).toBe("local x = 1");
  });
});
