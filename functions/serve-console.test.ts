import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { consoleCsp, serveConsole } from "./serve-console.js";

const dir = mkdtempSync(join(tmpdir(), "docstack-serve-console-"));
mkdirSync(join(dir, "assets"));
writeFileSync(join(dir, "index.html"), "<!doctype html><title>console</title>");
writeFileSync(join(dir, "assets/index-abc.js"), "export {};");
writeFileSync(join(dir, "assets/index-abc.css"), "body{}");
writeFileSync(join(dir, "secret.txt"), "not a console file");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("serveConsole", () => {
  describe.each([
    ["/console/", "text/html; charset=utf-8", "no-cache"],
    ["/console/index.html", "text/html; charset=utf-8", "no-cache"],
    ["/console/assets/index-abc.js", "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"],
    ["/console/assets/index-abc.css", "text/css; charset=utf-8", "public, max-age=31536000, immutable"],
  ])("%s", (path, type, caching) => {
    it("is served with its type, caching and the strict policy", async () => {
      const response = await serveConsole(path, dir);
      expect(response?.status).toBe(200);
      expect(response?.headers.get("content-type")).toBe(type);
      expect(response?.headers.get("cache-control")).toBe(caching);
      expect(response?.headers.get("content-security-policy")).toBe(consoleCsp);
      expect(response?.headers.get("x-content-type-options")).toBe("nosniff");
    });
  });

  it("redirects /console to /console/", async () => {
    const response = await serveConsole("/console", dir);
    expect(response?.status).toBe(301);
    expect(response?.headers.get("location")).toBe("/console/");
  });

  it.each([
    ["outside the console", "/docs/"],
    ["a file of a type the console does not have", "/console/secret.txt"],
    ["a missing asset", "/console/assets/missing.js"],
    ["a way out of the directory", "/console/../package.json"],
    ["an encoded way out", "/console/assets/../../index.html/../../../etc/passwd.js"],
  ])("leaves %s to the caller (404)", async (_, path) => {
    expect(await serveConsole(path, dir)).toBeUndefined();
  });

  it("answers nothing when the console is not built", async () => {
    expect(await serveConsole("/console/", join(dir, "not-built"))).toBeUndefined();
  });

  it("keeps inline scripts and other origins out", () => {
    expect(consoleCsp).not.toContain("unsafe-inline");
    expect(consoleCsp).toContain("script-src 'self';");
    expect(consoleCsp).toContain("frame-ancestors 'none'");
  });
});
