import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { ApiError } from "../errors/api-error.js";

export interface MultipartFile {
  field: string;
  filename: string;
  mimeType: string;
  stream: AsyncIterable<Uint8Array>;
}

export interface MultipartResult<T> {
  fields: Record<string, string>;
  /** Settled outcome of the file handler; undefined when the body had no file part. */
  file: PromiseSettledResult<T> | undefined;
}

export interface MultipartLimits {
  maxFileBytes: number;
  maxFieldBytes: number;
}

/**
 * Streams a multipart body: the one file part goes to `onFile` as it arrives (never buffered
 * whole), the text fields are collected. A file whose handler fails is drained so the parser
 * can finish. Syntax problems become 400; a second file part is refused.
 */
export async function parseMultipart<T>(
  request: Request,
  limits: MultipartLimits,
  onFile: (file: MultipartFile) => Promise<T>,
): Promise<MultipartResult<T>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) {
    throw new ApiError("unsupported_media_type", "Send the document as multipart/form-data");
  }
  if (request.body === null) throw new ApiError("bad_request", "The request has no body");
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // Browsers and curl send UTF-8 filenames; busboy's default would read them as latin1.
      defParamCharset: "utf8",
      // One byte over the limit lets the receiver tell "exactly at the limit" from "over it".
      limits: {
        files: 1,
        fileSize: limits.maxFileBytes + 1,
        fields: 20,
        fieldSize: limits.maxFieldBytes,
        parts: 32,
      },
    });
  } catch (error) {
    throw new ApiError("bad_request", `Malformed multipart request: ${(error as Error).message}`);
  }
  const body = Readable.fromWeb(request.body as unknown as NodeWebStream<Uint8Array>);

  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let handled: Promise<PromiseSettledResult<T>> | undefined;
    let failure: ApiError | undefined;
    const fail = (error: ApiError) => {
      failure ??= error;
    };

    parser.on("file", (field, stream, info) => {
      if (handled !== undefined) {
        stream.resume();
        return;
      }
      const file = { field, filename: info.filename ?? "", mimeType: info.mimeType, stream };
      handled = Promise.resolve()
        .then(() => onFile(file))
        .then(
          (value): PromiseSettledResult<T> => ({ status: "fulfilled", value }),
          (reason: unknown): PromiseSettledResult<T> => {
            // Drain the rest so busboy can finish. The handler's abandoned async iterator left a
            // 'readable' listener, and while one exists Node ignores resume(): without removing
            // it, a refused file larger than what was read so far hangs the request.
            stream.removeAllListeners("readable");
            stream.resume();
            return { status: "rejected", reason };
          },
        );
    });
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) fail(new ApiError("payload_too_large", `Field "${name}" is too long`));
      fields[name] = value;
    });
    parser.on("filesLimit", () => fail(new ApiError("bad_request", "Send exactly one file per request")));
    parser.on("fieldsLimit", () => fail(new ApiError("bad_request", "Too many form fields")));
    parser.on("partsLimit", () => fail(new ApiError("bad_request", "Too many form parts")));
    parser.on("error", (error: Error) => {
      body.unpipe(parser);
      body.resume();
      const settle = async () => {
        const file = await handled;
        reject(
          Object.assign(new ApiError("bad_request", `Malformed multipart request: ${error.message}`), {
            file,
          }),
        );
      };
      void settle();
    });
    parser.on("close", async () => {
      const file = await handled;
      if (failure !== undefined) reject(Object.assign(failure, { file }));
      else resolve({ fields, file });
    });
    body.on("error", (error) => parser.destroy(error));
    body.pipe(parser);
  });
}

/** The file outcome carried by a parse failure, so the caller can undo what the handler stored. */
export function fileOfFailure<T>(error: unknown): PromiseSettledResult<T> | undefined {
  return (error as { file?: PromiseSettledResult<T> }).file;
}
