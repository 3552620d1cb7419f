import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { curlCommand, shellQuote } from "./curl.js";

/** What a real shell makes of the words: printf prints each argument on its own line. */
function wordsOf(command: string): string[] {
  const out = execFileSync("sh", ["-c", `printf '%s\\n' ${command}`], { encoding: "utf8" });
  return out.split("\n").slice(0, -1);
}

describe("shellQuote", () => {
  it.each([
    "plain",
    "it's",
    "a 'quoted' word",
    '$HOME `id` $(id) \\ " !',
    "",
    "line\nbreak",
    "über ✓",
  ])("%j reaches the shell unchanged", (text) => {
    expect(wordsOf(shellQuote(text)).join("\n")).toBe(text);
  });
});

describe("curlCommand", () => {
  it("sends the body byte for byte and names the key only by its variable", () => {
    const body = { collection_id: "c", query: "it's $5 `now`", filter: { metadata: { team: "a'b" } } };
    const command = curlCommand("http://localhost:8080", "/query", body, true);
    expect(command).toContain('"authorization: Bearer $DOCSTACK_API_KEY"');
    const data = command.split("--data-raw ")[1] ?? "";
    expect(JSON.parse(wordsOf(data)[0] ?? "")).toEqual(body);
  });

  it("has no authorization header without a key", () => {
    expect(curlCommand("http://h", "/query", {}, false)).not.toContain("authorization");
  });
});
