import { makeAdapter } from './read';
import { MEETING_SELECTORS } from './selectors';

/** Microsoft Teams on the web (teams.microsoft.com, teams.live.com, teams.cloud.microsoft). */
export const teamsAdapter = makeAdapter('teams', 'Microsoft Teams', MEETING_SELECTORS.teams);

/*
 * Try by hand before a release, signed in (work account, new Teams v2) and as
 * an anonymous guest (teams.live.com/meet/<id> link in a private window):
 * - Open the join link → "Continue on this browser" → lobby: phase 'pre-join'
 *   (data-tid="prejoin-join-button"); flip the lobby mic switch, check mic.
 * - Join: phase 'in-call' (#hangup-button); Ctrl+Shift+M a few times, check
 *   mic follows (#microphone-button data-state "mic"/"mic-off").
 * - Waiting in the organiser's lobby ("Someone in the meeting should let you
 *   in soon"): check it reads 'pre-join' or 'unknown', never 'in-call'.
 * - controls() returns the call's top control bar.
 * - Leave → guest end screen ("You left the meeting" / "Rejoin"): 'left'.
 *   Signed in, Teams may return to chat instead: 'unknown' there is acceptable.
 * - Repeat the mic checks with the UI in German (Settings → Language).
 */
