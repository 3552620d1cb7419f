import { useState } from "preact/hooks";
import { curlCommand } from "./curl.js";

/** The request as curl: copied where the browser allows it, always shown to select by hand. */
export function CopyCurl({ body, withKey }: { body: unknown; withKey: boolean }) {
  const [copied, setCopied] = useState<string>();
  const command = curlCommand(window.location.origin, "/query", body, withKey);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setCopied("Copied.");
    } catch {
      // The clipboard needs a secure origin (https or localhost): the text below is there to select.
      setCopied("This browser would not copy here; select the command below.");
    }
  };
  return (
    <details class="curl">
      <summary>Request as curl</summary>
      <div class="actions">
        <button type="button" class="secondary" onClick={copy}>
          Copy as curl
        </button>
        <output>{copied}</output>
      </div>
      {withKey && <p class="help">Set DOCSTACK_API_KEY to your key first; the key itself is never copied.</p>}
      <pre data-testid="curl">{command}</pre>
    </details>
  );
}
