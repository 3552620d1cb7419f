import { useEffect, useState } from "preact/hooks";

/** Every page; tests/console/pages.test.ts checks each one (axe, layout shift, screenshots). */
export const routes = ["sign-in", "collections", "documents", "search", "operations", "analytics"] as const;
export type Route = (typeof routes)[number];

/** `#/search` → "search"; anything unknown is the collections page. */
export function parseRoute(hash: string): Route {
  const name = hash.replace(/^#\/?/, "").split("?")[0] ?? "";
  return (routes as readonly string[]).includes(name) ? (name as Route) : "collections";
}

export function href(route: Route): string {
  return `#/${route}`;
}

/** Hash routing: the server serves one index.html, and nothing secret ever rides in the hash. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
