import { makeAdapter } from './read';
import { MEETING_SELECTORS } from './selectors';

/** Zoom's web client (app.zoom.us/wc/…, *.zoom.us/wc/…), read inside its same-origin iframe#webclient. */
export const zoomAdapter = makeAdapter('zoom', 'Zoom', MEETING_SELECTORS.zoom);

/*
 * Try by hand before a release (a free account can host a test meeting):
 * - zoom.us/j/<id> → "Join from your browser" → app.zoom.us/wc/<id>/join:
 *   check iframe#webclient exists and is same-origin (read gives 'pre-join'
 *   on the preview with the name field; the preview mic button reads muted/unmuted).
 * - In the meeting after "Join Audio by Computer": phase 'in-call'; click the
 *   footer's Mute/Unmute (and Alt+A) and check mic follows. Before joining
 *   audio the button says "Join Audio": mic must be 'unknown'.
 * - As host, open Participants: "Mute All" and each participant's "Mute" must
 *   never change the mic state read; mute a participant and check.
 * - controls() returns the footer bar; boxInPage() of it lands over the footer
 *   in the top page (the iframe's offset is added).
 * - Leave → "Leave Meeting": phase 'left' if Zoom shows its end screen in the
 *   client; if it navigates away from /wc the content script is not there at all.
 * - Host ends the meeting for all → "This meeting has been ended by host": 'left'.
 * - A us02web.zoom.us/wc/… link (vanity or regional host) is recognised.
 */
