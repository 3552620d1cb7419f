import { useMemo, useState } from "preact/hooks";
import { clientFor } from "./api.js";
import { CollectionsPage } from "./pages/collections.js";
import { SearchPage } from "./pages/search.js";
import { SignInPage } from "./pages/sign-in.js";
import { href, type Route, useRoute } from "./route.js";
import { clearSession, loadSession, type Session, saveSession } from "./session.js";

const titles: Record<Route, string> = {
  "sign-in": "Sign in",
  collections: "Collections",
  search: "Search playground",
};

/** A button, not a link to #main: the hash belongs to the router, which would read it as a page. */
function skipToContent() {
  document.getElementById("main")?.focus();
}

export function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session | undefined>(() => loadSession());
  const client = useMemo(() => (session ? clientFor(session) : undefined), [session]);

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

  const shown: Route = session && client ? route : "sign-in";
  document.title = `${titles[shown]} · Docstack console`;

  return (
    <>
      <button type="button" class="skip" onClick={skipToContent}>
        Skip to content
      </button>
      <header class="bar">
        <span class="brand">Docstack console</span>
        {session && (
          <nav aria-label="Console">
            <a href={href("collections")} aria-current={shown === "collections" ? "page" : undefined}>
              Collections
            </a>
            <a href={href("search")} aria-current={shown === "search" ? "page" : undefined}>
              Search
            </a>
            <span class="who">{session.key ? "API key" : "anonymous"}</span>
            <button type="button" class="link" onClick={signOut}>
              Sign out
            </button>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{titles[shown]}</h1>
        {shown === "sign-in" || !client ? (
          <SignInPage onSignIn={signIn} />
        ) : shown === "collections" ? (
          <CollectionsPage client={client} />
        ) : (
          <SearchPage client={client} />
        )}
      </main>
    </>
  );
}
