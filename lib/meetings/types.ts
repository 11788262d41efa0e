/**
 * What a content script on a meeting page needs to know about the call, the
 * same for every platform. Each platform has an adapter that reads it from
 * the page (lib/meetings/<platform>.ts), built from one selector table
 * (lib/meetings/selectors.ts).
 */

import type { CallPhase, MicState, PlatformId } from '../browser/messages';

export type { CallPhase, MicState, PlatformId };

export interface MeetingState {
  phase: CallPhase;
  mic: MicState;
}

export interface MeetingAdapter {
  platform: PlatformId;
  /** "Google Meet", "Zoom", "Microsoft Teams", "Webex", "Jitsi Meet", "Whereby" */
  label: string;
  /**
   * Reads the state from the page; never throws; says 'unknown' when it
   * cannot tell. `url` (the page's address by default) says 'left' by itself
   * on the pages a platform sends people to after a call.
   */
  read(doc: Document, url?: string): MeetingState;
  /** Whether an element the user pressed is (inside) the call's own leave control. Never throws. */
  isLeaveControl(el: Element): boolean;
  /**
   * The meeting's own control bar(s) (mute, camera, leave…), so a card can be
   * placed where it does not cover them. Empty when unknown. An element may
   * belong to a same-origin iframe's document (Zoom): see `boxInPage`.
   */
  controls(doc: Document): Element[];
}
