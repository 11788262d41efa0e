import { i18n } from '#i18n';
import type { MeetingMoment, MeetingReading } from '../browser/messages';
import type { ScriptLife } from '../browser/script-life';
import { placeCard, type Rect } from './placement';
import { CHIP_DEFAULT, createCardLayer, createChip, type ChipPosition } from './overlay';
import { boxInPage } from './read';
import { phaseAfterRead } from './phase';
import { unreadPart, type UnreadPart } from './reading';
import { meetingEvents } from './transitions';
import type { MeetingAdapter, MeetingState } from './types';


/**
 * The room a card may take, by moment: small, so the call stays in view. The
 * card is placed in this box, then its frame ends where the card does (it
 * tells its drawn height), so the frame never shows an empty band below it.
 */
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
  /** The page's address now (a platform's page after a call says "left" by its address alone). */
  url(): string;
  /**
   * A call started: decides whether to ask about it afterwards (the user's
   * "every / some / never"), and if so remembers to ask even if the tab closes.
   */
  callStarted(): Promise<boolean>;
  /** Whether a call on this platform is waiting for its line: a page reached by leaving one asks for it. */
  callPending(): Promise<boolean>;
  /** This page could not read part of the call for a whole visit or call; kept for the options page. */
  reportUnread(part: UnreadPart): void;
  /** This page read the call and the microphone: an earlier unread note for the platform can go. */
  reportRead(): void;
  /** The script's lifetime: when it ends (an update, a reload, the extension gone), the chip and card go with it. */
  life: ScriptLife;
  /**
   * Wires `open` to the shortcut (through the background), `close` to the
   * card's own close, `fit` to the card telling its height, and `reading` to
   * the popup's question.
   */
  listen(
    handlers: { open: () => void; close: () => void; fit: (moment: MeetingMoment, height: number) => void; reading: () => MeetingReading },
    signal: AbortSignal,
  ): void;
}

/**
 * Watches a meeting page and shows the right card at the right moment: an
 * intention before joining, a pause when the user asks for one (shortcut or
 * chip), a breath on unmute if they turned that on, a reflection after
 * leaving. It never reloads, redirects, mutes or blocks anything; a card is
 * never modal, sits where the call's controls are not, and takes focus only
 * when the user summoned it.
 */
export function startMeetingGuard(env: MeetingEnv): void {
  const { win, doc, adapter, life } = env;
  const card = createCardLayer(doc);
  let state: MeetingState = { phase: 'unknown', mic: 'unknown' };
  let shown: MeetingMoment | undefined;
  let askedBefore = false;
  /** Whether the call in this page will be asked about when it ends (decided when it starts). */
  let askAfter: Promise<boolean> = Promise.resolve(false);
  let chip: { destroy(): void } | undefined;
  // What this page has been able to read, for the unread note.
  const openedAt = Date.now();
  let phaseKnown = false;
  let inCallSince: number | undefined;
  let micKnown = false;
  let unreadSaid = false;
  let readSaid = false;
  /** When the user last pressed the call's own leave control (a real press: the page cannot fake one). */
  let leavePressedAt: number | undefined;

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
    if (life.signal.aborted) return;
    const box = placeCard({ width: win.innerWidth, height: win.innerHeight }, CARD_SIZE[moment], controlRects());
    const params = new URLSearchParams({ moment, platform: adapter.platform, label: adapter.label });
    card.show(env.cardUrl(params), box, focus);
    shown = moment;
  }

  function close(): void {
    card.hide();
    shown = undefined;
  }

  /** Keeps track of what could be read, and says so once: unread after a whole visit or call, read once all is known. */
  function noteReadability(next: MeetingState): void {
    const now = Date.now();
    if (next.phase !== 'unknown') phaseKnown = true;
    if (next.phase === 'in-call') inCallSince ??= now;
    if (next.phase === 'in-call' && next.mic !== 'unknown') micKnown = true;
    if (!readSaid && phaseKnown && micKnown) {
      readSaid = true;
      env.reportRead();
    }
    const part = unreadPart({ openMs: now - openedAt, phaseKnown, inCallMs: inCallSince === undefined ? 0 : now - inCallSince, micKnown });
    if (part && !unreadSaid) {
      unreadSaid = true;
      env.reportUnread(part);
    }
  }

  async function read(): Promise<void> {
    let next: MeetingState;
    try {
      next = adapter.read(doc, env.url());
    } catch {
      next = { phase: 'unknown', mic: 'unknown' };
    }
    next = { ...next, phase: phaseAfterRead(next.phase, state.phase, leavePressedAt === undefined ? undefined : Date.now() - leavePressedAt) };
    const firstKnown = !phaseKnown && next.phase !== 'unknown';
    noteReadability(next);
    const events = meetingEvents(state, next);
    // A read that cannot tell (a re-render, or a blank moment between the call and its end screen)
    // keeps the last known phase: leaving through it is still 'left', coming back is not a second 'joined'.
    state = next.phase === 'unknown' ? { ...next, phase: state.phase } : next;
    // A page that opens on an end screen was reached by leaving a call elsewhere (Jitsi's close
    // page, Zoom's page after leaving): it asks when that call is still waiting for its line.
    if (firstKnown && next.phase === 'left' && !shown && (await env.callPending())) open('after', false);
    for (const event of events) {
      if (event === 'pre-join' && !askedBefore && !shown) {
        askedBefore = true;
        open('before', false);
      } else if (event === 'joined') {
        askAfter = env.callStarted();
        if (shown === 'before') close();
      } else if (event === 'unmuted' && !shown && (await env.unmuteCardOn())) {
        open('unmute', false);
      } else if (event === 'left' && (await askAfter)) {
        open('after', false);
      }
    }
  }

  // The next version, if any, puts its own back: its guard is injected into this tab.
  life.onInvalidated(() => {
    card.destroy();
    chip?.destroy();
  });

  env.listen(
    {
      open: () => open('during', true),
      close,
      // Only the card showing now: a late word from a card already replaced changes nothing.
      fit: (moment, height) => {
        if (moment === shown) card.fit(height);
      },
      reading: () => ({ platform: adapter.platform, label: adapter.label, ...state }),
    },
    life.signal,
  );
  void env.chipPosition().then((p) => {
    if (life.signal.aborted) return;
    chip = createChip(doc, p ?? CHIP_DEFAULT, () => open('during', true), (moved) => env.saveChipPosition(moved), i18n.t('meetings.chip'));
  });
  doc.addEventListener(
    'click',
    (event) => {
      const target = event.target as Element | null;
      if (event.isTrusted && typeof target?.closest === 'function' && adapter.isLeaveControl(target)) leavePressedAt = Date.now();
    },
    { capture: true, passive: true, signal: life.signal },
  );
  // Each tick also looks for the extension, and ends `life` once it is gone.
  life.setInterval(() => void read(), READ_INTERVAL_MS);
  void read();
}
