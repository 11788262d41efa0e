import { makeAdapter } from './read';
import { MEETING_SELECTORS } from './selectors';

/** Microsoft Teams on the web (teams.microsoft.com, teams.live.com, teams.cloud.microsoft). */
export const teamsAdapter = makeAdapter('teams', 'Microsoft Teams', MEETING_SELECTORS.teams);

/*
 * Try by hand before a release, signed in (work account) and as a guest (teams.live.com/meet/<id>):
 * - Open the join link → "Continue on this browser" → pre-join: 'pre-join'; flip the mic switch, check mic.
 * - Wait in the organiser's lobby ("Someone in the meeting should let you in soon"): 'pre-join', never 'in-call'.
 * - In the call: Ctrl+Shift+M a few times; #microphone-button's data-state goes between "mic-off" and "mic" or
 *   "mic-volume-renderer" (builds differ) and mic follows. Note any new value here and in selectors.ts.
 * - controls() returns the top-right "Calling controls".
 * - Leave → "You left the meeting" / Rejoin: 'left', with the mic button left hidden in the page not read.
 * - Repeat with the UI in German, French and Spanish, and note the mic labels: no source gives them yet.
 */

/*
 * Sources (short names used in selectors.ts; dates are the commits read):
 * - T1 Aptul9/teamsrelay docs/teams-selectors.md, app/src/agent/teams/selectors.ts (2026-09, read on a live call 2026-09-29)
 * - T2 g-guerzoni/teams-caffeine src/scripts/content/teams/selectors.js (2026-09): mic highlight extension
 * - T3 KaiShoya/Web-Meeting-Mute-Toggler src/service/teams*\/object.ts (2025-03-05): mute toggle extension
 * - T4 attendee-labs/attendee bots/teams_bot_adapter/teams_ui_methods.py (2026-08-12): meeting bot
 * - T5 Vexa-ai/vexa core/meetings/modules/join/src/msteams/selectors.ts, removal.ts (2026-07-24): meeting bot
 * - T6 screenappai/meeting-bot src/bots/MicrosoftTeamsBot.ts (2026-06-18): recording bot
 * - T7 aws-samples/amazon-transcribe-live-meeting-assistant lma-virtual-participant-stack/backend/src/teams.ts (2026-08-12),
 *   lma-browser-extension-stack/.../teams-live.js (2026-04-16)
 * - T8 Meeting-BaaS/meet-teams-bot src/meeting/teams.ts (2025-06-07)
 * - T9 Payme-Works/meeboter apps/bots/providers/microsoft-teams/src/selectors.ts (2025-12-20)
 * - T10 meetingbot/meetingbot src/bots/teams/src/bot.ts (2025-07-29)
 * - T11 Zerg00s/Live-Captions-Saver teams-captions-saver/content_script.js (2025-08-11): caption saver
 * - T12 nalajcie/muteme-chrome-webhid-extension content-scripts/teams-controller.js (2026-01-15): counts only buttons with a box
 * - T14 mute-sync and bot files in the code index without a named repository (2026): corroboration only
 * - T15 a meeting detector's tests without a named repository (2026): the only German words found
 * T1 and T2 both report a hidden mic button left in the page after a call. No French or Spanish words were found.
 */
