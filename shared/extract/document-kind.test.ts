import { describe, expect, it } from "vitest";
import { contentTypeOf, documentKinds, kindFromContentType } from "./document-kind.js";

describe("kindFromContentType", () => {
  it("maps every canonical content type back to its kind", () => {
    for (const kind of documentKinds) expect(kindFromContentType(contentTypeOf[kind])).toBe(kind);
  });

  it.each([
    ["text/csv; charset=utf-8", "csv"],
    ["  TEXT/HTML ; charset=UTF-8", "html"],
    ["Application/PDF", "pdf"],
    ["text/x-markdown", "md"],
    ["application/xhtml+xml", "html"],
    ["image/jpg", "jpeg"],
  ])("accepts %j", (contentType, kind) => {
    expect(kindFromContentType(contentType)).toBe(kind);
  });

  it.each([
    "application/octet-stream",
    "image/gif",
    "",
    "text",
    "text/plain-ish",
  ])("rejects %j", (contentType) => {
    expect(kindFromContentType(contentType)).toBeUndefined();
  });
});
