import { makeAdapter } from './read';
import { MEETING_SELECTORS } from './selectors';

/** Webex meetings in the browser (<site>.webex.com/meet/…, web.webex.com). */
export const webexAdapter = makeAdapter('webex', 'Webex', MEETING_SELECTORS.webex);

/*
 * Try by hand before a release (a free Webex account's personal room):
 * - <site>.webex.com/meet/<name> → "Join from this browser": the client in iframe#unified-webclient-iframe (same
 *   origin) or in the page itself; pre-join reads 'pre-join' and the mic sentence reads muted/unmuted.
 * - The lobby ([data-test="call_lobby_content"]): 'pre-join'.
 * - In the meeting: Ctrl+M a few times, the mic follows ("Microphone is currently muted - click to unmute").
 * - Leave: note the leave control's markup here and in selectors.ts (no source names it), and the end screen's
 *   words: 'left' after leaving, also when the host ends the meeting.
 * - Repeat with the UI in German, French and Spanish and note the mic sentences: no source gives them yet.
 */

/*
 * Sources (short names used in selectors.ts; dates are the commits read):
 * - W1 mutesync/browser-extension src/js/meeting_clients/webex.js (2024-05-01, still in 2024-10-01): the mic's sentences
 * - W2 aws-samples/amazon-transcribe-live-meeting-assistant lma-virtual-participant-stack/backend/src/webex.ts (2026-08-12): bot
 * - W3 same repository, webex-enterprise.ts: the classic client in thinIframe
 * - W4 same repository, webex-selectors.test.ts: the name field as input and as mdc-input
 * - W5 same repository, lma-browser-extension-stack/.../providers/webex.js (2026-04-16): extension reading the frame
 * - W6 eyeduck-ai/meeting_recorder providers/webex.py (2026-06-29): recording bot
 * - W7 IA-Generative/mcr mcr-capture-worker/.../webex_connection.py (undated): capture bot
 * - W8 a guest-join script in the code index without a named repository (undated)
 * - W9 momentum-design/momentum-design packages/components/src/components/buttonsimple (Cisco's mdc-* elements)
 * - W10 help.webex.com "Leave or end a meeting" (2024-12): the leave control's name
 * No source gives German, French or Spanish words inside the client, nor the leave control's markup.
 */
