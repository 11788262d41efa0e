import { makeAdapter } from './read';
import { MEETING_SELECTORS } from './selectors';

/** Jitsi Meet (meet.jit.si and self-hosted instances the user adds). */
export const jitsiAdapter = makeAdapter('jitsi', 'Jitsi Meet', MEETING_SELECTORS.jitsi);

/*
 * Try by hand before a release (no account needed):
 * - meet.jit.si/<SomeLongRoomName> → prejoin screen: phase 'pre-join'
 *   ("Join meeting", data-testid="prejoin.joinMeeting"); click the mic in the
 *   preview toolbar and check mic (aria-pressed="true" while muted).
 * - Join: phase 'in-call' (#new-toolbox, .hangup-button); press M a few
 *   times, check mic follows; the camera button's aria-pressed must not
 *   affect it.
 * - Let the toolbox auto-hide (no mouse movement): phase must stay 'in-call'
 *   and controls() must still return #new-toolbox.
 * - Hang up → meet.jit.si shows its feedback dialog / returns to the welcome
 *   page: 'left' when the "Rejoin" screen shows, otherwise the URL leaves the room.
 * - A self-hosted instance added by the user (e.g. a university's Jitsi) with
 *   an older Jitsi version: check the same markers.
 */
