import { makeAdapter } from './read';
import { MEETING_SELECTORS } from './selectors';

/** Google Meet (meet.google.com). */
export const meetAdapter = makeAdapter('meet', 'Google Meet', MEETING_SELECTORS.meet);

/*
 * Try by hand before a release (signed in, English UI, then once in German via
 * myaccount.google.com → Language):
 * - meet.google.com/new → pre-join screen: phase 'pre-join' ("Join now" found);
 *   the preview's mic toggle reads muted/unmuted as you click it.
 * - Another account's meeting, not invited → "Ask to join", then the waiting
 *   screen ("Asking to be let in…"): still 'pre-join'.
 * - In the call: phase 'in-call' ("Leave call" button); press Ctrl+D (⌘+D) a
 *   few times and check mic follows; turn the camera off and on and check the
 *   mic does not change (the camera toggle also carries data-is-muted).
 * - controls() returns the bottom bar (mic, camera, leave), not the whole page.
 * - Leave → "You left the meeting" with "Rejoin" / "Return to home screen":
 *   phase 'left'. Rejoin → 'in-call' again.
 * - Get removed by the host, and let a meeting end: still 'left', not 'unknown'.
 */
