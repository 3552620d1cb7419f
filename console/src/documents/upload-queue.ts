import type { components, DocstackClient } from "@docstack/client";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Session } from "../session.js";
import { uploadWithProgress } from "../upload.js";

type Document = components["schemas"]["Document"];

export interface UploadItem {
  key: number;
  name: string;
  size: number;
  sent: number;
  state: "queued" | "uploading" | "stored" | "refused";
  /** created, duplicate or replaced, once stored. */
  outcome?: string;
  /** The stored document, refreshed until its indexing ends. */
  document?: Document;
  /** Why the server refused it, in its words. */
  reason?: string;
}

/** Files sent at once: enough to keep the link busy, few enough that each shows progress. */
const parallel = 3;
const pollMs = 1500;

const settled = (d: Document | undefined) => d?.index_status === "indexed" || d?.index_status === "failed";

/**
 * The files a person dropped, uploaded a few at a time with their progress, then watched until
 * the index worker has indexed them or said why it could not.
 */
export function useUploadQueue(client: DocstackClient, session: Session, onChange: () => void) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const files = useRef(new Map<number, { file: File; collection: string }>());
  const next = useRef(0);
  const running = useRef(0);
  const changed = useRef(onChange);
  changed.current = onChange;

  const update = (key: number, patch: Partial<UploadItem>) =>
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  const pump = () => {
    while (running.current < parallel) {
      const entry = [...files.current.entries()][0];
      if (entry === undefined) return;
      const [key, { file, collection }] = entry;
      files.current.delete(key);
      running.current++;
      void send(key, file, collection).finally(() => {
        running.current--;
        changed.current();
        pump();
      });
    }
  };

  const send = async (key: number, file: File, collection: string) => {
    update(key, { state: "uploading" });
    const form = new FormData();
    form.set("collection_id", collection);
    form.set("file", file, file.name);
    const verdict = await uploadWithProgress(session, form, (sent) => update(key, { sent }));
    if (verdict.kind === "stored") {
      update(key, { state: "stored", sent: file.size, outcome: verdict.outcome, document: verdict.document });
    } else {
      const id = verdict.problem?.requestId ? ` (request ${verdict.problem.requestId})` : "";
      update(key, { state: "refused", reason: `${verdict.message}${id}` });
    }
  };

  const add = (list: FileList | File[], collection: string) => {
    const added: UploadItem[] = [];
    for (const file of Array.from(list)) {
      const key = next.current++;
      files.current.set(key, { file, collection });
      added.push({ key, name: file.name, size: file.size, sent: 0, state: "queued" });
    }
    setItems((all) => [...added, ...all]);
    pump();
  };

  // Stored documents are read again until their indexing has ended, one way or the other.
  const watching = items
    .filter((i) => i.state === "stored" && !settled(i.document))
    .map((i) => i.document?.id);
  const watchKey = watching.join(",");
  const [polls, setPolls] = useState(0);
  useEffect(() => {
    if (watchKey === "") return;
    let live = true;
    const timer = setTimeout(async () => {
      for (const id of watchKey.split(",")) {
        const { data } = await client
          .GET("/documents/{id}", { params: { path: { id } } })
          .catch(() => ({ data: undefined }));
        if (!live) return;
        if (data) setItems((all) => all.map((i) => (i.document?.id === id ? { ...i, document: data } : i)));
        if (settled(data)) changed.current();
      }
      if (live) setPolls((n) => n + 1);
    }, pollMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, watchKey, polls]);

  const clearFinished = () =>
    setItems((all) =>
      all.filter(
        (i) =>
          i.state === "queued" || i.state === "uploading" || (i.state === "stored" && !settled(i.document)),
      ),
    );

  return { items, add, clearFinished };
}
