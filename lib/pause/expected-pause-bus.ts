import type { ExpectedPause } from './expected-pause';

/**
 * The hint that this page is expected to pause (expected-pause.ts), passed
 * from the small script registered for it to the guard. Both run before the
 * page's first frame, in the extension's isolated world of the page, which the
 * page's own scripts cannot reach; the browser may run either first.
 */
interface HintSlot {
  expected?: ExpectedPause;
  listener?: (expected: ExpectedPause) => void;
}

const SLOT = Symbol.for('pause-moment.expected-pause');

function slot(): HintSlot {
  const world = globalThis as { [SLOT]?: HintSlot };
  return (world[SLOT] ??= {});
}

/** Says this page is expected to pause, and what it can paint at once. */
export function announceExpectedPause(expected: ExpectedPause): void {
  const s = slot();
  s.expected = expected;
  s.listener?.(expected);
}

/** Calls `listener` once the page is known to be expected to pause: now, if it is already known. */
export function whenPauseExpected(listener: (expected: ExpectedPause) => void): void {
  const s = slot();
  s.listener = listener;
  if (s.expected) listener(s.expected);
}
