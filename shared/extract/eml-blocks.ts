import PostalMime, { type Address, type Email } from "postal-mime";
import type { TextBlock } from "./extracted-document.js";
import { htmlBlocks } from "./html-blocks.js";
import { textBlocks } from "./text-blocks.js";

/**
 * An e-mail's blocks (RFC 822 / MIME, .eml), parsed by postal-mime (charsets, encoded words,
 * quoted-printable and base64 decoded): the subject as the heading every block sits under, a
 * block of its From, To, Cc and Date, the body (the plain-text part, or else the HTML part read
 * like any HTML), then the attachments' names. Attachments themselves are not read
 * (docs/decisions.md); inline images of an HTML body are no attachments.
 */
export async function emlBlocks(bytes: Uint8Array): Promise<TextBlock[]> {
  const email = await PostalMime.parse(bytes, { maxNestingDepth: 50 });
  const subject = email.subject?.trim() ?? "";
  const headings = subject === "" ? undefined : [subject];
  const place = headings === undefined ? {} : { headings };
  const blocks: TextBlock[] = [];
  if (headings !== undefined) blocks.push({ text: subject, headings });
  blocks.push({ text: headerLines(email), ...place });
  const text = email.text?.trim() ?? "";
  if (text !== "") blocks.push(...textBlocks(text).map((block) => ({ ...block, ...place })));
  else if (email.html !== undefined) {
    for (const block of htmlBlocks(email.html)) {
      blocks.push({
        ...block,
        ...(headings === undefined ? {} : { headings: [...headings, ...(block.headings ?? [])] }),
      });
    }
  }
  const names = email.attachments
    .filter(
      (attachment) =>
        attachment.disposition === "attachment" ||
        (attachment.filename !== null && attachment.related !== true),
    )
    .map((attachment) => attachment.filename ?? attachment.mimeType);
  if (names.length > 0) blocks.push({ text: `Attachments: ${names.join(", ")}`, ...place });
  return blocks;
}

function headerLines(email: Email): string {
  const lines: string[] = [];
  if (email.from !== undefined) lines.push(`From: ${addresses([email.from])}`);
  if (email.to !== undefined && email.to.length > 0) lines.push(`To: ${addresses(email.to)}`);
  if (email.cc !== undefined && email.cc.length > 0) lines.push(`Cc: ${addresses(email.cc)}`);
  if (email.date !== undefined) lines.push(`Date: ${email.date}`);
  return lines.join("\n");
}

function addresses(list: readonly Address[]): string {
  return list
    .flatMap((address) => ("group" in address && address.group !== undefined ? address.group : [address]))
    .map((mailbox) => {
      const name = mailbox.name.trim();
      const address = "address" in mailbox ? (mailbox.address ?? "") : "";
      if (name === "") return address;
      return address === "" ? name : `${name} <${address}>`;
    })
    .filter((text) => text !== "")
    .join(", ");
}
