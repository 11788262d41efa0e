import { placeCard, type Rect } from './card-placement';
import { CHIP_DEFAULT, createCardLayer, createChip, type ChipPosition } from './meeting-overlay';
import { boxInPage } from './meetings/read';
import { meetingEvents } from './meetings/transitions';
import type { MeetingAdapter, MeetingState } from './meetings/types';

/** The moments a meeting card is shown for. */
export type MeetingMoment = 'before' | 'during' | 'unmute' | 'after';

/** Card sizes by moment: small, so the call stays in view. */
export const CARD_SIZE: Record<MeetingMoment, { width: number; height: number }> = {
  before: { width: 360, height: 230 },
  during: { width: 340, height: 250 },
  unmute: { width: 300, height: 120 },
  after: { width: 360, height: 210 },
};

/** How often the call's state is read: cheap reads, never more than once a second. */
export const READ_INTERVAL_MS = 1000;

/** What the meeting guard needs from the content script's world. */
export interface MeetingEnv {
  win: Window;
  doc: Document;
  adapter: MeetingAdapter;
  /** Whether the unmute card is on (read fresh each time: the user may change it mid-call). */
  unmuteCardOn(): Promise<boolean>;
  cardUrl(params: URLSearchParams): string;
  chipPosition(): Promise<ChipPosition | undefined>;
  saveChipPosition(p: ChipPosition): void;
  /** The call started: remember to ask for a reflection even if the tab closes. */
  onJoined(): void;
  isAlive(): boolean;
  /** Wires `open` to the shortcut (through the background) and `close` to the card's own close. */
  listen(handlers: { open: () => void; close: () => void }, signal: AbortSignal): void;
}

/**
 * Watches a meeting page and shows the right card at the right moment: an
 * intention before joining, a pause when the user asks for one (shortcut or
 * chip), a breath on unmute if they turned that on, a reflection after
 * leaving. It never reloads, redirects, mutes or blocks anything; a card is
 * never modal, sits where the call's controls are not, and takes focus only
 * when the user summoned it.
 */
export function startMeetingGuard(env: MeetingEnv): () => void {
  const { win, doc, adapter } = env;
  const stop = new AbortController();
  const card = createCardLayer(doc);
  let state: MeetingState = { phase: 'unknown', mic: 'unknown' };
  let shown: MeetingMoment | undefined;
  let askedBefore = false;
  let chip: { destroy(): void } | undefined;

  function controlRects(): Rect[] {
    try {
      // Zoom's controls live in an iframe: measure them in the page's coordinates.
      return adapter.controls(doc).map((el) => {
        const { left, top, width, height } = boxInPage(el, doc);
        return { x: left, y: top, width, height };
      });
    } catch {
      return [];
    }
  }

  function open(moment: MeetingMoment, focus: boolean): void {
    const box = placeCard({ width: win.innerWidth, height: win.innerHeight }, CARD_SIZE[moment], controlRects());
    const params = new URLSearchParams({ moment, platform: adapter.platform, label: adapter.label });
    card.show(env.cardUrl(params), box, focus);
    shown = moment;
  }

  function close(): void {
    card.hide();
    shown = undefined;
  }

  async function read(): Promise<void> {
    if (!env.isAlive()) return teardown();
    let next: MeetingState;
    try {
      next = adapter.read(doc);
    } catch {
      next = { phase: 'unknown', mic: 'unknown' };
    }
    const events = meetingEvents(state, next);
    // A read that cannot tell (a re-render, or a blank moment between the call and its end screen)
    // keeps the last known phase: leaving through it is still 'left', coming back is not a second 'joined'.
    state = next.phase === 'unknown' ? { ...next, phase: state.phase } : next;
    for (const event of events) {
      if (event === 'pre-join' && !askedBefore && !shown) {
        askedBefore = true;
        open('before', false);
      } else if (event === 'joined') {
        env.onJoined();
        if (shown === 'before') close();
      } else if (event === 'unmuted' && !shown && (await env.unmuteCardOn())) {
        open('unmute', false);
      } else if (event === 'left') {
        open('after', false);
      }
    }
  }

  function teardown(): void {
    stop.abort();
    card.destroy();
    chip?.destroy();
  }

  env.listen({ open: () => open('during', true), close }, stop.signal);
  void env.chipPosition().then((p) => {
    if (stop.signal.aborted) return;
    chip = createChip(doc, p ?? CHIP_DEFAULT, () => open('during', true), (moved) => env.saveChipPosition(moved), 'Pause Moment: pause before agreeing');
  });
  const timer = win.setInterval(() => void read(), READ_INTERVAL_MS);
  stop.signal.addEventListener('abort', () => win.clearInterval(timer));
  void read();
  return teardown;
}
