/**
 * The rules that turn what a meeting page shows into one phase. Pure, so
 * each rule is tested as a table without a page.
 */

import { rulesIn, urlMatchesSite } from '../sites/site-syntax';
import type { CallPhase } from './types';

/**
 * Which phase markers a document shows (only rendered elements count: see
 * `isRendered`). Read in precedence order, so they may be getters that do
 * the looking only when asked.
 */
export interface PhaseSigns {
  left: boolean;
  preJoin: boolean;
  inCall: boolean;
}

/**
 * The phase a page is in. An end screen wins over everything, and a pre-join
 * screen or waiting room wins over the call's own controls: Meet's "Asking to
 * be let in" and Jitsi's pre-join screen already hold mute and camera
 * buttons, so those alone never mean the user is in the call.
 */
export function phaseOf(signs: PhaseSigns): CallPhase {
  if (signs.left) return 'left';
  if (signs.preJoin) return 'pre-join';
  if (signs.inCall) return 'in-call';
  return 'unknown';
}

/**
 * A test for the addresses a platform sends people to after a call (Jitsi's
 * close page, Zoom's page after leaving), built once per platform so a read
 * only compares. An entry that starts with "/" is a whole path on any host,
 * for platforms that people host themselves; anything else is a site as the
 * options page takes it ("zoom.us/wc/leave"), which covers the paths below
 * it. The test never throws.
 */
export function leftAddressTest(leftUrls: readonly string[]): (url: string) => boolean {
  const paths = new Set(leftUrls.filter((e) => e.startsWith('/')));
  const rules = rulesIn(leftUrls.filter((e) => !e.startsWith('/')));
  if (paths.size === 0 && rules.length === 0) return () => false;
  return (url) => {
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      return false;
    }
    return paths.has(path) || rules.some((rule) => urlMatchesSite(rule, url));
  };
}

/** Whether `url` is one of `leftUrls` (see `leftAddressTest`). */
export function isLeftAddress(url: string, leftUrls: readonly string[]): boolean {
  return leftAddressTest(leftUrls)(url);
}

/** How long after the user pressed the call's own leave control a page that shows no call counts as left. */
export const LEAVE_PRESS_WINDOW_MS = 60_000;

/**
 * The phase to act on after a read. Some platforms clear the call away
 * without an end screen we can recognise (Whereby): a page that showed the
 * call, then shows none of it shortly after the user pressed the call's own
 * leave control, has been left. Without that press, a page that stops
 * showing the call is only re-rendering, and says nothing.
 */
export function phaseAfterRead(read: CallPhase, lastKnown: CallPhase, msSinceLeavePressed: number | undefined): CallPhase {
  const pressedLeave = msSinceLeavePressed !== undefined && msSinceLeavePressed >= 0 && msSinceLeavePressed <= LEAVE_PRESS_WINDOW_MS;
  return read === 'unknown' && lastKnown === 'in-call' && pressedLeave ? 'left' : read;
}
