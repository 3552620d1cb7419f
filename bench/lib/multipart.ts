/** A multipart/form-data upload body for POST /documents, built in memory (one file, one field). */
export function multipartUpload(
  collectionId: string,
  file: { name: string; contentType: string; bytes: Uint8Array },
): { body: Buffer; contentType: string } {
  const boundary = `----docstack-bench-${crypto.randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="collection_id"\r\n\r\n${collectionId}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
      `Content-Type: ${file.contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, file.bytes, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
