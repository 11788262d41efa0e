import { makeAdapter } from './read';
import { MEETING_SELECTORS } from './selectors';

/** Whereby (whereby.com/<room>, <team>.whereby.com/<room>). */
export const wherebyAdapter = makeAdapter('whereby', 'Whereby', MEETING_SELECTORS.whereby);

/*
 * Try by hand before a release (a free room):
 * - whereby.com/<room> as a guest → the name/preview screen: phase 'pre-join'
 *   ("Join meeting", or "Knock" for a locked room); toggle the preview mic.
 * - In the room: phase 'in-call' ("Leave"); toggle the mic from the bottom
 *   bar and check mic follows.
 * - controls() returns the bottom control bar.
 * - Leave → "You left the room" with "Rejoin": 'left'.
 * - The data-testid / data-test-id names in the selector table are unverified:
 *   note the real ones here when checking.
 */
