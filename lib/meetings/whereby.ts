import { makeAdapter } from './read';
import { MEETING_SELECTORS } from './selectors';

/** Whereby (whereby.com/<room>, <team>.whereby.com/<room>). */
export const wherebyAdapter = makeAdapter('whereby', 'Whereby', MEETING_SELECTORS.whereby);

/*
 * Try by hand before a release (a free room):
 * - whereby.com/<room> as a guest → the name step and pre-call review: 'pre-join' ("Join meeting", or "Knock"
 *   for a locked room); toggle the mic (aria-pressed "true" while on).
 * - Knock on a locked room: reads 'unknown' while waiting (no marker any source agrees on); note one here.
 * - In the room: 'in-call'; toggle the mic from the bottom bar, mic follows.
 * - Press Leave: the after card shows (read from the press itself); note the screen's words and markers here.
 * - Be removed, or let the host end the meeting: "Meeting ended" reads 'left'.
 */

/*
 * Sources (short names used in selectors.ts; dates are the commits read):
 * - H1 mutesync/browser-extension src/js/meeting_clients/where_by.js (2022-02 to 2024-10): mic by class, aria-pressed = on
 * - H1b same, branch multi_language_support (2022-05-14): Whereby's hooks are classes, so no words to translate
 * - H2 beeradmoore/Whereby-Helper Browser Extension/content.js (2021-01-21)
 * - H3 Whereby's toolbar markup copied into a public page in the code index, repository not named (undated)
 * - H4 ZeroTworu/appir wipe/appir.py (about 2020-21): room bot; name step, Knock, Leave, "Meeting ended"
 * - H5 a puppeteer bot in the code index without a named repository (2024 or later): the pre-call review
 * - H6 a hotkey script in the code index without a named repository (undated)
 * - H9 whereby/sdk packages/browser-sdk (2026-06-11): its sample app's data-testids are not whereby.com's
 * - H10 whereby/docs (2026-08-19): knocking, URL parameters, "users see a page when they leave"
 * - H11 appear.in's own protractor test (about 2016): .thank-you-message after leaving
 * No source shows today's screen after pressing Leave, nor any German, French or Spanish words: leaving is read
 * from the user's own press on Leave (phaseAfterRead).
 */
