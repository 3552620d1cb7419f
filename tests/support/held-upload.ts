import { once } from "node:events";
import { connect, type Socket } from "node:net";

/**
 * A POST /documents over a raw keep-alive connection whose body the test holds: the server has
 * the request in flight (it answered `100 Continue`, so it has read the headers) for as long as
 * the test wants, without any timing assumption.
 */
export interface HeldUpload {
  /** Sends the rest of the body and resolves with everything the server sent until it closed the connection. */
  finish(): Promise<{ raw: string; reset: boolean }>;
}

const boundary = "docstack-held-upload";

export async function holdUpload(
  port: number,
  collectionId: string,
  text: string,
  headers: Record<string, string> = {},
): Promise<HeldUpload> {
  const socket = connect(port, "127.0.0.1");
  await once(socket, "connect");
  let raw = "";
  let reset = false;
  socket.on("data", (data: Buffer) => {
    raw += data.toString("latin1");
  });
  socket.on("error", () => {
    reset = true;
  });
  const closed = once(socket, "close");
  const received = (text: string) => until(socket, () => raw.includes(text));

  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  socket.write(
    "POST /documents HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nExpect: 100-continue\r\n" +
      `Content-Type: multipart/form-data; boundary=${boundary}\r\nTransfer-Encoding: chunked\r\n${extra}\r\n`,
  );
  await received("HTTP/1.1 100 Continue\r\n\r\n");
  const half = Math.floor(text.length / 2);
  chunk(
    socket,
    `--${boundary}\r\nContent-Disposition: form-data; name="collection_id"\r\n\r\n${collectionId}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="held.txt"\r\n` +
      `Content-Type: text/plain\r\n\r\n${text.slice(0, half)}`,
  );
  return {
    async finish() {
      chunk(socket, `${text.slice(half)}\r\n--${boundary}--\r\n`);
      socket.write("0\r\n\r\n");
      await closed;
      return { raw, reset };
    },
  };
}

function chunk(socket: Socket, data: string): void {
  socket.write(`${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`);
}

/** Resolves once `done()` holds, checked as data arrives; rejects if the connection ends first. */
function until(socket: Socket, done: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!done()) return;
      socket.off("data", check);
      socket.off("close", ended);
      resolve();
    };
    const ended = () => {
      socket.off("data", check);
      reject(new Error("the connection closed first"));
    };
    socket.on("data", check);
    socket.on("close", ended);
    check();
  });
}

/** The final response in `raw` (after any 100 Continue): status, headers and whether its body arrived whole. */
export function parseResponse(raw: string): {
  status: number;
  headers: Record<string, string>;
  body: string;
  complete: boolean;
} {
  const final = raw.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, "");
  const headEnd = final.indexOf("\r\n\r\n");
  const head = final.slice(0, headEnd).split("\r\n");
  const status = Number(head[0]?.split(" ")[1]);
  const headers: Record<string, string> = {};
  for (const line of head.slice(1)) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = final.slice(headEnd + 4);
  if (headers["transfer-encoding"] === "chunked") {
    let body = "";
    let at = 0;
    for (;;) {
      const lineEnd = rest.indexOf("\r\n", at);
      if (lineEnd < 0) return { status, headers, body, complete: false };
      const size = Number.parseInt(rest.slice(at, lineEnd), 16);
      if (size === 0) return { status, headers, body, complete: rest.endsWith("0\r\n\r\n") };
      body += rest.slice(lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }
  const length = Number(headers["content-length"]);
  return { status, headers, body: rest, complete: Buffer.byteLength(rest, "latin1") === length };
}
