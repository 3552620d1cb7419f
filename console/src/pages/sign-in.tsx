import { useState } from "preact/hooks";
import { clientFor, describeError } from "../api.js";
import { ErrorAlert } from "../error-alert.js";
import type { Session } from "../session.js";

/**
 * A key is checked with GET /auth/whoami (which takes a key of any scope) before it is kept, so a mistyped key is caught here
 * rather than on the next page. Anonymous access is for development installs, where the server
 * accepts calls without a key; elsewhere the next page shows the server's 401.
 */
export function SignInPage({ onSignIn }: { onSignIn: (session: Session) => void }) {
  const [key, setKey] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const session = { key: key.trim() };
    if (!session.key) {
      setError("Paste an API key, or continue without one.");
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const { error: problem, response } = await clientFor(session).GET("/auth/whoami");
      if (response.ok) onSignIn(session);
      else setError(describeError(problem, response));
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card narrow">
      <form onSubmit={submit}>
        <label for="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={key}
          onInput={(e) => setKey(e.currentTarget.value)}
          aria-describedby="api-key-help"
        />
        <p id="api-key-help" class="help">
          Kept in this tab's session storage until you sign out or close the tab; never put in the URL.
        </p>
        <div class="actions">
          <button type="submit" disabled={busy}>
            Sign in
          </button>
          <button type="button" class="secondary" onClick={() => onSignIn({ key: null })}>
            Continue without a key
          </button>
        </div>
      </form>
      <ErrorAlert message={error} />
    </section>
  );
}
