import { describeError } from "./api.js";

/** One API answer as a page shows it: the data, or the failure in one line for a person. */
export type Loaded<T> = { ok: true; data: T } | { ok: false; error: string };

/** Runs one typed-client call; a problem or a network failure becomes `{ ok: false }`, never a throw. */
export async function load<T>(
  call: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<Loaded<T>> {
  try {
    const { data, error, response } = await call();
    return data === undefined ? { ok: false, error: describeError(error, response) } : { ok: true, data };
  } catch (failure) {
    return { ok: false, error: describeError(failure) };
  }
}
