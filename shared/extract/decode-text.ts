import { TextDecoder } from "@exodus/bytes/encoding.js";
import { decodeUtf32 } from "./decode-utf32.js";
import { ExtractionError } from "./extraction-error.js";
import { NeedsNodeRuntime } from "./needs-node-runtime.js";
import { chooseEncoding, type EncodingChoice } from "./text-encoding.js";

export interface DecodedText {
  text: string;
  /** The encoding it was read with (see EncodingChoice), recorded on the document. */
  encoding: string;
}

/**
 * A text file's characters, in whatever encoding it came: by byte order mark, HTML declaration,
 * UTF-8 or detection (text-encoding.ts). Content that is no text at all fails with a reason the
 * uploader can read.
 */
export function decodeText(bytes: Uint8Array, options: { html: boolean }): DecodedText {
  const choice = chooseEncoding(bytes, options);
  if (choice === undefined) {
    throw new ExtractionError("the file does not read as text in any known character encoding");
  }
  if (choice.source === "undetected") {
    throw new NeedsNodeRuntime(
      "its character encoding is neither marked, declared nor UTF-8, and only index workers on Node detect encodings",
    );
  }
  return { text: decodeWith(bytes, choice), encoding: choice.encoding };
}

/**
 * Decodes with the chosen encoding; malformed sequences become U+FFFD rather than failing.
 * The decoder is @exodus/bytes', which follows the WHATWG Encoding Standard (it passes the web
 * platform tests) and uses Node's own where that is correct: Node 20's TextDecoder reads
 * "windows-1252" as ISO-8859-1 (0x80-0x9F become C1 controls, not € „ " " – — …) and departs
 * from the standard in IBM866, KOI8-U, Windows-874, -1253 and -1255.
 */
export function decodeWith(bytes: Uint8Array, choice: EncodingChoice): string {
  const body = bytes.subarray(choice.skip);
  if (choice.encoding === "utf-32le") return decodeUtf32(body, true);
  if (choice.encoding === "utf-32be") return decodeUtf32(body, false);
  return new TextDecoder(choice.encoding).decode(body);
}
