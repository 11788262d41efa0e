import { makeAdapter } from './read';
import { MEETING_SELECTORS } from './selectors';

/** Jitsi Meet (meet.jit.si and self-hosted instances the user adds). */
export const jitsiAdapter = makeAdapter('jitsi', 'Jitsi Meet', MEETING_SELECTORS.jitsi);

/*
 * Try by hand before a release (no account needed):
 * - meet.jit.si/<SomeLongRoomName> → pre-join: 'pre-join' although the toolbox and hang-up show; click the
 *   mic and check mic (aria-pressed="true" while muted).
 * - A room with a lobby, as a guest: knocking reads 'pre-join'; once let in, 'in-call'.
 * - In the call: press M a few times, mic follows; the camera's aria-pressed does not change it.
 * - Leave the mouse still until the toolbox slides away: still 'in-call', mic still read.
 * - Hang up → the thank-you note: 'left', and the after card shows; 3 s later the welcome page (or the close page
 *   on a server with enableClosePage) asks again while the call waits for its line.
 * - The same on a self-hosted server added under "Another meeting host", and once with the UI in German.
 */

/*
 * Sources (short names used in selectors.ts):
 * - J jitsi/jitsi-meet, read at 5199068b (2026-03-06) and 6549d472 (2025-12-19): toolbox/components/web/Toolbox.tsx,
 *   base/toolbox/components/ToolboxItem.web.tsx, BaseAudioMuteButton.ts, base/premeeting/components/web/PreMeetingScreen.tsx,
 *   prejoin/components/web/Prejoin.tsx, lobby/components/web/LobbyScreen.tsx, conference/components/web/Conference.tsx,
 *   LeaveReasonDialog.web.tsx, WaitForOwnerDialog.tsx, app/actions.web.ts, static/close*.html, css/_toolbars.scss,
 *   lang/main.json, main-de.json, main-fr.json, main-es.json, and its own e2e page objects tests/pageobjects/Toolbar.ts,
 *   PreJoinScreen.ts, LobbyScreen.ts, Notifications.ts
 * - V Vexa-ai/vexa core/meetings/modules/join/src/jitsi/selectors.ts, admission.ts (2026-07-13): meeting bot
 * - E eyeduck-ai/meeting_recorder providers/jitsi.py (2026-06-14): recording bot
 * Since 2025-09 (lobby) and 2025-10 (pre-join) those screens render the toolbox with hang-up (J PreMeetingScreen.tsx), so
 * the toolbox alone never means "in the call". After hanging up, the call's layout stays up with a thank-you note, then
 * the app goes to the welcome page, or to a close page when enableClosePage is set (J app/actions.web.ts).
 */
