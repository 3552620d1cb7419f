import { describe, expect, it } from "vitest";
import { functionNames } from "../shared/http/route-table.js";
import { buildMergedDocument, functionDocument } from "./openapi-document.js";

// An SPDX license expression, as OpenAPI 3.1's License Object asks of `identifier`.
const spdxExpression = /^(LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9.+-]+)( (AND|OR|WITH) [A-Za-z0-9.+-]+)*$/;

describe("document-level contract", () => {
  const documents = [buildMergedDocument(), ...functionNames.map(functionDocument)];

  it("states its licence with an SPDX identifier or a url (openapi-generator refuses a name alone)", () => {
    for (const doc of documents) {
      const license = doc.info.license as { name: string; identifier?: string; url?: string } | undefined;
      expect(license?.name).toBeTruthy();
      // Exactly one of the two, as the specification says.
      expect([license?.identifier, license?.url].filter(Boolean)).toHaveLength(1);
      if (license?.identifier !== undefined) expect(license.identifier).toMatch(spdxExpression);
    }
  });

  it("names an absolute server after the relative one, so a client generated from the file has a host", () => {
    const servers = buildMergedDocument().servers ?? [];
    expect(servers[0]?.url).toBe("/");
    const absolute = servers.filter((s) => /^https?:\/\/[^/]+/.test(s.url));
    expect(absolute.map((s) => s.url)).toContain("http://localhost:8080");
    for (const server of servers) expect(server.description).toBeTruthy();
  });
});
