import { makeAdapter } from './read';
import { MEETING_SELECTORS } from './selectors';

/** Google Meet (meet.google.com). */
export const meetAdapter = makeAdapter('meet', 'Google Meet', MEETING_SELECTORS.meet);

/*
 * Try by hand before a release (signed in, English UI, then German, French and Spanish via
 * myaccount.google.com → Language):
 * - meet.google.com/new → pre-join ("Join now"): 'pre-join'; the preview's mic reads muted/unmuted as you click it.
 * - Another account's meeting, not invited → "Ask to join", then "Asking to be let in…": still 'pre-join',
 *   although Leave call, mic and camera already show.
 * - In the call: 'in-call'; press Ctrl+D (⌘+D) a few times and check the mic follows; turn the camera off and
 *   on and check the mic does not change (the camera carries data-is-muted too). Leave the mouse still until
 *   the bar hides: still 'in-call'.
 * - Leave → "You left the meeting" with Rejoin: 'left'. Rejoin → 'in-call' again.
 * - Get removed by the host, and let the host end the meeting for everyone: 'left'.
 * - Note the end screen's words in German, French and Spanish: no source gives them yet.
 */

/*
 * Sources (short names used in selectors.ts; dates are the commits read):
 * - S1 Vexa-ai/vexa core/meetings/modules/join/src/googlemeet/selectors.ts, admission.ts, removal.ts (2026-07-24): meeting bot
 * - S2 Vexa-ai/vexa PR #471, issues #421, #57 (2025-08 to 2026-07): "Return to home screen" and Leave call on the waiting screen
 * - S3 attendee-labs/attendee bots/google_meet_bot_adapter/google_meet_ui_methods.py, google_meet_chromedriver_payload.js (2026-08-19)
 * - S4 screenappai/meeting-bot src/bots/GoogleMeetBot.ts, src/constants/index.ts (2026-06-18): English and German words
 * - S5 Meeting-BaaS/meet-teams-bot src/meeting/meet.ts, meet/closeMeeting.ts (2025-06-07): the "Call controls" region
 * - S6 Payme-Works/meeboter apps/bots/providers/google-meet/src/selectors.ts (2025-12-21): waiting room
 * - S7 meetingbot/meetingbot src/bots/meet/src/bot.ts (2025-08-07)
 * - S8 ChrisRegado/streamdeck-googlemeet browser-extension/event_handlers/*.js (2024-09 to 2025-01; German labels 2021-03): Stream Deck plugin
 * - S9 FuSan21/Macro-Deck-Google-Meet-Plugin extension/event_handlers/*.js (2026-08-13)
 * - S10 petele/StreamDeck-Meet src/MeetWrapper.js (2024-08-22): green room, exit hall
 * - S11 vivek-nexus/transcriptonic extension/content-google-meet.js (2026-04-09): caption saver
 * - S12 stopdropandrew/google-meet-push-to-talk src/ptt.js (2021-05-25)
 * - S13 balansse/google-meet-jabra src/pages/Content/index.js (2023-07-11) and issue #16 (2023-11-10, French label)
 * - S14 al-caughey/Google-Meet-Attendance src/js/attendance.js (2021-05-29)
 * - S15 Wattos/streamcontroller-google-meets-plugin chrome_extension/src/google-meet/*.js (2025-11-10)
 * - S16 nalajcie/muteme-chrome-webhid-extension content-scripts/meet-controller.js (2026-01-15)
 * - S17 mutesync/browser-extension src/js/meeting_clients/google_meet.js (2024-10-01)
 * - S18 ironbar/google_meet_pranks scripts/content.js (undated): English and Spanish labels
 * - S20 KaiShoya/Web-Meeting-Mute-Toggler src/service/meet/object.ts (2025-03-05)
 * - S21 three Meet transcript exporters whose repositories could not be named: French and Spanish leave labels (weakest)
 * - S22 ChrisRegado/streamdeck-googlemeet PR #15 (2021-05-13): Meet stays on the meeting's address after leaving
 * French and Spanish end-screen words were found in no source, so none are listed.
 */
