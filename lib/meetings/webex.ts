import { makeAdapter } from './read';
import { MEETING_SELECTORS } from './selectors';

/** Webex meetings in the browser (<site>.webex.com/meet/…, web.webex.com). */
export const webexAdapter = makeAdapter('webex', 'Webex', MEETING_SELECTORS.webex);

/*
 * Try by hand before a release (a free Webex account's personal room):
 * - <site>.webex.com/meet/<name> → "Join from your browser": check whether the
 *   meeting UI is in the top page or in an iframe (thinIframe /
 *   unified-webclient-iframe) and that the frame is same-origin.
 * - Preview: phase 'pre-join' ("Join meeting" button, data-test-id); toggle the
 *   preview's mic and check mic.
 * - In the meeting: phase 'in-call' ("Leave meeting"); Ctrl+M a few times,
 *   check mic follows; check a participant's mute in the participants panel
 *   does not change it.
 * - controls() returns the bottom control bar.
 * - Leave → end screen ("You've left the meeting"): 'left'.
 * - The data-test-id names in the selector table are the least certain of all
 *   platforms: note the real ones here when checking.
 */
