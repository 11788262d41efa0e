import { makeAdapter } from './read';
import { MEETING_SELECTORS } from './selectors';

/** Zoom's web client (app.zoom.us/wc/…, *.zoom.us/wc/…), read inside its same-origin iframe#webclient. */
export const zoomAdapter = makeAdapter('zoom', 'Zoom', MEETING_SELECTORS.zoom);

/*
 * Try by hand before a release (a free account can host a test meeting):
 * - zoom.us/j/<id> → "Join from your browser" → app.zoom.us/wc/<id>/join: iframe#webclient is there and
 *   same-origin; the preview (name field) reads 'pre-join' and its mic reads muted/unmuted.
 * - With a waiting room on, as a guest: "Please wait, the meeting host will let you in soon." reads 'pre-join'.
 * - In the meeting after "Join Audio by Computer": 'in-call'; Alt+A a few times, the mic follows. Before joining
 *   audio the button says "join audio": the mic is 'unknown'.
 * - As host, open Participants: "Mute All" and each participant's "Mute" never change the mic read.
 * - controls() returns the footer; boxInPage() of it lands over the footer in the top page.
 * - Leave → "Leave Meeting": the feedback screen and /wc/leave read 'left' (the frame's address first); the
 *   after card shows there, or on the /wc/leave page the tab lands on.
 * - Host ends the meeting for all → "This meeting has been ended by host": 'left'.
 * - Once in German, French and Spanish; and a regional host (us02web.zoom.us/wc/…).
 */

/*
 * Sources (short names used in selectors.ts; dates are the commits read):
 * - Z1 zoom/meetingsdk-web dist/ui/zoomus-websdk-main-client.umd.min.js (SDK 6.2.0, 2026-06-22): Zoom's own client
 *   UI, strings and ids read (footer, audio button, preview, waiting room, ended dialog, feedback, /wc/leave)
 * - Z2 zoom/meetingsdk-web dist/lib/lang/en-US, de-DE, fr-FR, es-ES.json (2026): every word in four languages
 * - Z3 dominic676767/meeting-summarizer docs/research/zoom-web-client.md, tests/fixtures/zoom-*.html, src/adapters/zoom.ts
 *   (live captures 2026-10-03 and 2026-10-06): caption extension
 * - Z4 Vexa-ai/vexa core/meetings/modules/join/src/zoom/{selectors,admission,removal,leave,join}.ts (2026-06 to 07): bot
 * - Z5 Vexa-ai/vexa services/vexa-bot/core/src/platforms/zoom/web/selectors.ts (2026): the same bot, earlier layout
 * - Z6 screenappai/meeting-bot src/bots/ZoomBot.ts (2026-06-18): recording bot reading iframe#webclient
 * - Z7 meetingbot/meetingbot src/bots/zoom/src/bot.ts (2025-07-29; iframe since 2024-11-10)
 * - Z8 Payme-Works/meeboter apps/bots/providers/zoom/src/selectors.ts (2025-12-19)
 * - Z9 chandan-singh/zoom-tab-remover extension/background.js (2023-03 to 04): closes zoom.us/wc/leave tabs
 * - Z10 seanstar12/zoom-close PR #15 (2021-11-16): "zoom.us/wc/leave has become another tab Zoom leaves up"
 * - Z11 a page auto-closer in the code index without a named repository (undated): /wc/leave
 * - Z12 attendee-labs/attendee bots/zoom_web_bot_adapter/zoom_web_ui_methods.py (2025-26): waiting for the host
 */
