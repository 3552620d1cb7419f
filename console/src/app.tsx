import type { DocstackClient } from "@docstack/client";
import { useEffect, useMemo, useState } from "preact/hooks";
import { clientFor } from "./api.js";
import { type Caller, describeCaller } from "./caller.js";
import { ErrorAlert } from "./error-alert.js";
import { AnalyticsPage } from "./pages/analytics.js";
import { CollectionsPage } from "./pages/collections.js";
import { DocumentsPage } from "./pages/documents.js";
import { OperationsPage } from "./pages/operations.js";
import { SearchPage } from "./pages/search.js";
import { SignInPage } from "./pages/sign-in.js";
import { href, type Route, useRoute } from "./route.js";
import { clearSession, loadSession, type Session, saveSession } from "./session.js";
import { useCaller } from "./use-caller.js";

const titles: Record<Route, string> = {
  "sign-in": "Sign in",
  collections: "Collections",
  documents: "Documents",
  search: "Search playground",
  operations: "Operations",
  analytics: "Analytics",
};

const navigation: readonly Exclude<Route, "sign-in">[] = [
  "collections",
  "documents",
  "search",
  "operations",
  "analytics",
];

export interface PageProps {
  client: DocstackClient;
  caller: Caller;
  /** The key itself, for the one call the typed client cannot make (uploads with progress). */
  session: Session;
}

const pages: Record<Exclude<Route, "sign-in">, (props: PageProps) => preact.JSX.Element> = {
  collections: CollectionsPage,
  documents: DocumentsPage,
  search: SearchPage,
  operations: OperationsPage,
  analytics: AnalyticsPage,
};

/** A button, not a link to #main: the hash belongs to the router, which would read it as a page. */
function skipToContent() {
  document.getElementById("main")?.focus();
}

export function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session | undefined>(() => loadSession());
  const client = useMemo(() => (session ? clientFor(session) : undefined), [session]);
  const caller = useCaller(client);

  const signIn = (next: Session) => {
    saveSession(next);
    setSession(next);
    window.location.hash = href("collections");
  };
  const signOut = () => {
    clearSession();
    setSession(undefined);
    window.location.hash = href("sign-in");
  };

  const shown: Route = session && client ? (route === "sign-in" ? "collections" : route) : "sign-in";
  const Page = shown === "sign-in" ? undefined : pages[shown];
  useEffect(() => {
    document.title = `${titles[shown]} · Docstack console`;
  }, [shown]);

  return (
    <>
      <button type="button" class="skip" onClick={skipToContent}>
        Skip to content
      </button>
      <header class="bar">
        <span class="brand">Docstack console</span>
        {session && (
          <nav aria-label="Console">
            {navigation.map((r) => (
              <a key={r} href={href(r)} aria-current={shown === r ? "page" : undefined}>
                {titles[r].replace(" playground", "")}
              </a>
            ))}
            <span class="who" data-testid="who">
              {caller?.state === "known"
                ? describeCaller(caller.caller)
                : session.key
                  ? "API key"
                  : "anonymous"}
            </span>
            <button type="button" class="link" onClick={signOut}>
              Sign out
            </button>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{titles[shown]}</h1>
        {Page === undefined || !client || !session ? (
          <SignInPage onSignIn={signIn} />
        ) : caller?.state === "known" ? (
          <Page client={client} caller={caller.caller} session={session} />
        ) : caller?.state === "failed" ? (
          <ErrorAlert message={caller.error} />
        ) : (
          <p aria-live="polite">Loading…</p>
        )}
      </main>
    </>
  );
}
