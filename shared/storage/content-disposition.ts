/**
 * RFC 6266 attachment header: an ASCII fallback with quotes, backslashes, control characters
 * and non-ASCII replaced (no header injection), plus the exact UTF-8 name in filename*.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
