import type { ChipPosition } from '../settings/storage-registry';

export type { ChipPosition } from '../settings/storage-registry';
import type { Rect } from './placement';
import { setImportantStyles } from '../browser/css';
import { createPauseIcon } from '../browser/pause-icon';

/**
 * The meeting page's two small things: a card (an iframe of our own page in
 * a closed shadow root, so the meeting page can neither read what is typed
 * nor click it) and a movable chip that opens it. Neither is modal: the page
 * stays fully usable around them, and only the card's own box takes clicks.
 */


const LAYER: Record<string, string> = {
  display: 'block',
  position: 'fixed',
  margin: '0',
  padding: '0',
  border: '0',
  'z-index': '2147483647',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
  'pointer-events': 'auto',
  'color-scheme': 'light dark',
};

/** The card on a meeting page. */
export interface MeetingCardLayer {
  /** Shows the card page at `url` in `box`; `focus` only when the user summoned it. */
  show(url: string, box: Rect, focus: boolean): void;
  /**
   * Fits the frame to the card's drawn `height`, keeping its top: never taller
   * than the box it was placed in, so it stays clear of what that box avoided.
   */
  fit(height: number): void;
  hide(): void;
  readonly showing: boolean;
  destroy(): void;
}

/** Creates the card layer for `doc`. */
/**
 * Takes away what an earlier run left of `tag` in the page: after an update,
 * Firefox keeps the old version's chip and card in the page with nothing
 * behind them (see `pause/guard.ts`), and the new run puts up its own.
 */
function removeEarlier(doc: Document, tag: string): void {
  for (const el of [...doc.getElementsByTagName(tag)]) el.remove();
}

export function createCardLayer(doc: Document): MeetingCardLayer {
  removeEarlier(doc, 'pause-moment-card');
  const host = doc.createElement('pause-moment-card');
  const root = host.attachShadow({ mode: 'closed' });
  let frame: HTMLIFrameElement | undefined;
  let showing = false;
  let placed: Rect | undefined;
  // The page may rebuild its DOM (single-page apps do); put the card back if it goes.
  const keep = new MutationObserver(() => {
    if (!showing) return;
    if (!host.isConnected) (doc.body ?? doc.documentElement)?.appendChild(host);
    // A body the page swapped in is not watched yet: watch it, or the next removal goes unseen.
    if (doc.body) keep.observe(doc.body, { childList: true });
  });

  return {
    show(url, box, focus) {
      frame?.remove();
      placed = box;
      frame = doc.createElement('iframe');
      frame.setAttribute('title', 'Pause Moment');
      setImportantStyles(frame, { display: 'block', width: '100%', height: '100%', border: '0', 'border-radius': '14px', background: 'transparent' });
      if (focus) frame.addEventListener('load', () => frame?.focus());
      frame.src = url;
      root.appendChild(frame);
      setImportantStyles(host, {
        ...LAYER,
        left: `${box.x}px`,
        top: `${box.y}px`,
        width: `${box.width}px`,
        height: `${box.height}px`,
        'border-radius': '14px',
        'box-shadow': '0 8px 30px rgba(0, 0, 0, 0.25)',
        overflow: 'hidden',
      });
      if (!host.isConnected) (doc.body ?? doc.documentElement)?.appendChild(host);
      showing = true;
      keep.observe(doc.documentElement, { childList: true, subtree: false });
      if (doc.body) keep.observe(doc.body, { childList: true });
    },
    fit(height) {
      if (!showing || !placed || !(height > 0)) return;
      setImportantStyles(host, { height: `${Math.min(placed.height, Math.ceil(height))}px` });
    },
    hide() {
      showing = false;
      placed = undefined;
      keep.disconnect();
      frame?.remove();
      frame = undefined;
      host.remove();
    },
    get showing() {
      return showing;
    },
    destroy() {
      this.hide();
    },
  };
}


/** How present the chip is while nobody points at it: visible, never calling for attention. */
export const CHIP_RESTING_OPACITY = '0.55';

/** The chip's default place: the right edge, above the middle, away from top bars and bottom call controls. */
export const CHIP_DEFAULT: ChipPosition = { x: 0.97, y: 0.35 };

/** A stored chip position, if it is one: two fractions of the window. Anything else reads as none. */
export function chipPositionOf(raw: unknown): ChipPosition | undefined {
  const p = raw as Partial<ChipPosition> | null | undefined;
  const fraction = (n: unknown): n is number => typeof n === 'number' && n >= 0 && n <= 1;
  return p && fraction(p.x) && fraction(p.y) ? { x: p.x, y: p.y } : undefined;
}
const CHIP_SIZE = 44;
/** A press that moves less than this is a click, not a drag. */
const DRAG_THRESHOLD = 5;

/**
 * Creates the chip: a small round button that opens the pause card. It can
 * be dragged anywhere; `onmoved` is told where it was dropped. Only real
 * (trusted) clicks open the card: the page cannot press it for the user.
 */
export function createChip(doc: Document, position: ChipPosition, onpress: () => void, onmoved: (p: ChipPosition) => void, label: string): { destroy(): void; move(p: ChipPosition): void } {
  const win = doc.defaultView!;
  removeEarlier(doc, 'pause-moment-chip');
  const host = doc.createElement('pause-moment-chip');
  const root = host.attachShadow({ mode: 'closed' });
  const button = doc.createElement('button');
  button.type = 'button';
  // Drawn, not the ⏸ character: fonts without it show an empty box. The label names the button.
  const icon = createPauseIcon(doc, 18);
  setImportantStyles(icon, { display: 'block', margin: 'auto', 'pointer-events': 'none' });
  button.appendChild(icon);
  button.setAttribute('aria-label', label);
  button.title = label;
  setImportantStyles(button, {
    width: `${CHIP_SIZE}px`,
    height: `${CHIP_SIZE}px`,
    'border-radius': '50%',
    border: '2px solid #ffffff',
    background: '#2f5d50',
    color: '#ffffff',
    font: '18px/1 system-ui, sans-serif',
    cursor: 'grab',
    'box-shadow': '0 2px 6px rgba(0,0,0,0.2)',
    padding: '0',
    margin: '0',
    'touch-action': 'none',
    opacity: CHIP_RESTING_OPACITY,
  });
  // Quiet while the call goes on: an ambient cue, never a blink or a badge. It comes up
  // fully only while the pointer or the keyboard is on it.
  const raise = (up: boolean) => () => setImportantStyles(button, { opacity: up ? '1' : CHIP_RESTING_OPACITY });
  button.addEventListener('pointerenter', raise(true));
  button.addEventListener('pointerleave', raise(false));
  button.addEventListener('focus', raise(true));
  button.addEventListener('blur', raise(false));
  root.appendChild(button);
  let current = position;

  function place(p: ChipPosition): void {
    current = { x: Math.min(1, Math.max(0, p.x)), y: Math.min(1, Math.max(0, p.y)) };
    const left = Math.round(current.x * (win.innerWidth - CHIP_SIZE));
    const top = Math.round(current.y * (win.innerHeight - CHIP_SIZE));
    setImportantStyles(host, { ...LAYER, left: `${left}px`, top: `${top}px`, width: `${CHIP_SIZE}px`, height: `${CHIP_SIZE}px` });
  }

  let start: { x: number; y: number; left: number; top: number } | undefined;
  let dragged = false;
  button.addEventListener('pointerdown', (e) => {
    if (!e.isTrusted) return;
    const r = host.getBoundingClientRect();
    start = { x: e.clientX, y: e.clientY, left: r.left, top: r.top };
    dragged = false;
    button.setPointerCapture(e.pointerId);
  });
  button.addEventListener('pointermove', (e) => {
    if (!start) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (!dragged && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    dragged = true;
    place({ x: (start.left + dx) / Math.max(1, win.innerWidth - CHIP_SIZE), y: (start.top + dy) / Math.max(1, win.innerHeight - CHIP_SIZE) });
  });
  button.addEventListener('pointerup', () => {
    if (start && dragged) onmoved(current);
    start = undefined;
  });
  button.addEventListener('click', (e) => {
    if (!e.isTrusted || dragged) return;
    onpress();
  });
  const onResize = (): void => place(current);
  win.addEventListener('resize', onResize);
  place(current);
  (doc.body ?? doc.documentElement)?.appendChild(host);
  const keep = new MutationObserver(() => {
    if (!host.isConnected) (doc.body ?? doc.documentElement)?.appendChild(host);
    if (doc.body) keep.observe(doc.body, { childList: true });
  });
  keep.observe(doc.documentElement, { childList: true });
  if (doc.body) keep.observe(doc.body, { childList: true });

  return {
    move: place,
    destroy() {
      keep.disconnect();
      win.removeEventListener('resize', onResize);
      host.remove();
    },
  };
}
