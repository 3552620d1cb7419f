import axe from "axe-core";
import type { Page } from "playwright-core";

/** The WCAG 2.0 and 2.1 A and AA rules; serious and critical findings fail a page. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const blocking = new Set(["serious", "critical"]);

/**
 * axe-core run in the page. Its source goes in through page.evaluate (the DevTools protocol),
 * which the page's CSP does not govern, so the page is audited exactly as served, CSP and all;
 * an inline <script> would be refused, and a context with bypassCSP would audit a page other
 * than the real one.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const { axe: inPage } = window as unknown as { axe: typeof axe };
    const result = await inPage.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? "unknown",
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
    }));
  }, wcagTags);
  return violations
    .filter((v) => blocking.has(v.impact))
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n}`).join("\n")}`);
}
