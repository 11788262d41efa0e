/** Options for {@link waitFor}. */
export interface WaitOptions {
  /** Give up after this many ms. Default 5000. */
  timeout?: number;
  /** Poll every this many ms. Default 50. */
  interval?: number;
  /** What was awaited, for the timeout error. */
  message?: string;
}

/** `T` without its falsy members (`boolean` → `true`). */
export type Truthy<T> = Exclude<T, false | 0 | 0n | '' | null | undefined>;

/**
 * Resolves after `ms`. For a passage of time that is itself the point: a
 * person's hand settling, a cadence of samples, a slow server. Never as the
 * wait before asserting that something did not happen: wait (with
 * {@link waitFor}) for a sign that the moment in question has come, then
 * assert. Each caller says in a comment why time itself is what it needs.
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Polls `fn` until it returns a truthy value, and returns that value. Throws
 * during polling count as "not yet". On timeout, throws an Error naming
 * `message` with the last value or error seen.
 */
export async function waitFor<T>(fn: () => T | Promise<T>, opts: WaitOptions = {}): Promise<Truthy<T>> {
  const { timeout = 5000, interval = 50, message = 'condition' } = opts;
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value as Truthy<T>;
      last = value;
    } catch (e) {
      last = e;
    }
    if (Date.now() >= deadline) {
      const seen = last instanceof Error ? `last error: ${last.message}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`waitFor timed out after ${timeout} ms: ${message} (${seen})`);
    }
    // Kept: the polling cadence.
    await sleep(interval);
  }
}
