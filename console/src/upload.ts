import type { components } from "@docstack/client";
import { isProblem } from "./api.js";
import type { Session } from "./session.js";

type Problem = components["schemas"]["Problem"];
type Document = components["schemas"]["Document"];

export type UploadVerdict =
  | { kind: "stored"; outcome: "created" | "duplicate" | "replaced"; document: Document }
  | { kind: "refused"; status: number; problem?: Problem; message: string };

/**
 * POST /documents with upload progress. fetch() reports no upload progress in browsers, so this
 * one call goes through XMLHttpRequest; the form is the one the typed client builds, and the
 * answer is read against the same contract.
 */
export function uploadWithProgress(
  session: Session,
  form: FormData,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<UploadVerdict> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${window.location.origin}/documents`);
    if (session.key) xhr.setRequestHeader("authorization", `Bearer ${session.key}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onload = () => resolve(verdictOf(xhr.status, xhr.responseText));
    xhr.onerror = () =>
      resolve({ kind: "refused", status: 0, message: "The upload did not reach the server (network error)" });
    xhr.onabort = () => resolve({ kind: "refused", status: 0, message: "Cancelled" });
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(form);
  });
}

function verdictOf(status: number, text: string): UploadVerdict {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if ((status === 200 || status === 201) && isStored(body)) {
    return { kind: "stored", outcome: body.outcome, document: body.document };
  }
  if (isProblem(body)) {
    return { kind: "refused", status, problem: body, message: `${body.title}: ${body.detail}` };
  }
  return { kind: "refused", status, message: `The server answered ${status}` };
}

function isStored(
  body: unknown,
): body is { outcome: "created" | "duplicate" | "replaced"; document: Document } {
  return typeof body === "object" && body !== null && "outcome" in body && "document" in body;
}
