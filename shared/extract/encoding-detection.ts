/**
 * What an encoding detector says of bytes that are neither marked (BOM), declared nor UTF-8.
 * `undetected`: this runtime has no detector (Workers), so only a Node index worker can tell.
 */
export type Detection =
  | { kind: "text"; encoding: string; confidence: number }
  | { kind: "unsure"; encoding: string; confidence: number }
  | { kind: "binary" }
  | { kind: "undetected" };

/** The encoding assumed when the detector is unsure: the commonest legacy encoding, and WHATWG's default. */
export const fallbackEncoding = "windows-1252";
