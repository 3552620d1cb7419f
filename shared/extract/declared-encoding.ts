import { labelToName } from "@exodus/bytes/encoding.js";
import { ResultType, Sniffer } from "encoding-sniffer/sniffer";

/**
 * How far into an HTML file we look for a `<meta charset>`, a `<meta http-equiv="Content-Type">`
 * or an XML declaration. Browsers stop at 1 KiB; saved pages often carry more than that before
 * their head (comments, inline scripts and styles, long preambles), and a file on disk has no
 * HTTP header to fall back on.
 */
export const declarationWindow = 64 * 1024;

/**
 * The encoding an HTML document declares in its markup, by the WHATWG prescan (encoding-sniffer),
 * as a WHATWG encoding name; undefined when it declares none or a label no decoder knows. As the
 * standard says, a declared UTF-16 means UTF-8 (the markup was readable as ASCII) and
 * x-user-defined means Windows-1252.
 */
export function declaredHtmlEncoding(bytes: Uint8Array): string | undefined {
  const sniffer = new Sniffer({ maxBytes: declarationWindow });
  sniffer.write(bytes.subarray(0, declarationWindow));
  const declared =
    sniffer.resultType === ResultType.META_TAG ||
    sniffer.resultType === ResultType.XML_ENCODING ||
    sniffer.resultType === ResultType.XML_PREFIX;
  if (!declared) return undefined;
  return labelToName(sniffer.encoding)?.toLowerCase();
}
