import nodeConsole from 'node:console';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHIP_DEFAULT, CHIP_RESTING_OPACITY, chipPositionOf, createCardLayer, createChip, type ChipPosition, type MeetingCardLayer } from '@/lib/meetings/overlay';

const CARD = 'chrome-extension://test-extension-id/meeting-card.html?moment=during';
const BOX = { x: 904, y: 16, width: 340, height: 250 };
const CHIP = 44;
const win = window as unknown as Window & { happyDOM: { setViewport(v: { width: number; height: number }): void } };
/** Lets MutationObserver callbacks run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

/** The roots are closed to the page; spying on attachShadow is the only way a test can look inside. */
const roots = new Map<string, ShadowRoot>();
const cardHost = () => document.querySelector('pause-moment-card') as HTMLElement | null;
const chipHost = () => document.querySelector('pause-moment-chip') as HTMLElement | null;
const frame = () => roots.get('PAUSE-MOMENT-CARD')!.querySelector('iframe');
const button = () => roots.get('PAUSE-MOMENT-CHIP')!.querySelector('button')!;
const px = (el: HTMLElement, name: string) => parseFloat(el.style.getPropertyValue(name));

/**
 * happy-dom never sets isTrusted (it is undefined on every event), which reads
 * as untrusted, like a script's event in a browser. This marks one event the
 * way a browser marks the user's own input.
 */
function asUser<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const pointer = (type: string, x: number, y: number) => new PointerEvent(type, { clientX: x, clientY: y, pointerId: 1, bubbles: true });

beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body><main>call</main></body>';
  win.happyDOM.setViewport({ width: 1024, height: 768 });
  roots.clear();
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init) {
    const root = attach.call(this, init);
    roots.set(this.tagName, root);
    return root;
  });
  // happy-dom has no layout: a fixed box is where its inline style puts it.
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const [left, top, width, height] = ['left', 'top', 'width', 'height'].map((p) => parseFloat(this.style.getPropertyValue(p)) || 0) as [number, number, number, number];
    return DOMRect.fromRect({ x: left, y: top, width, height });
  });
  // happy-dom does not load frames and says so, for each one, on the console it was set up with.
  const error = nodeConsole.error.bind(nodeConsole);
  vi.spyOn(nodeConsole, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('Iframe page loading is disabled')) error(...args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the card', () => {
  let card: MeetingCardLayer;
  beforeEach(() => {
    card = createCardLayer(document);
  });
  afterEach(() => card.destroy());

  it('shows our page in a closed root, at the box it was given, on top of the call', () => {
    expect(cardHost()).toBeNull();
    card.show(CARD, BOX, false);
    expect(card.showing).toBe(true);
    const host = cardHost()!;
    expect(host.parentNode).toBe(document.body);
    expect(host.shadowRoot).toBeNull();
    expect([px(host, 'left'), px(host, 'top'), px(host, 'width'), px(host, 'height')]).toEqual([904, 16, 340, 250]);
    expect(host.style.getPropertyValue('position')).toBe('fixed');
    expect(host.style.getPropertyPriority('left')).toBe('important');
    expect(host.style.getPropertyValue('z-index')).toBe('2147483647');
    expect(frame()!.src).toBe(CARD);
    expect(document.querySelector('main')!.textContent).toBe('call'); // the page is left as it was
  });

  it('shows one card at a time: a new moment replaces the page and moves the box', () => {
    card.show(CARD, BOX, false);
    card.show(`${CARD}&again`, { x: 16, y: 500, width: 300, height: 120 }, false);
    expect(document.querySelectorAll('pause-moment-card')).toHaveLength(1);
    expect(roots.get('PAUSE-MOMENT-CARD')!.querySelectorAll('iframe')).toHaveLength(1);
    expect(frame()!.src).toBe(`${CARD}&again`);
    expect([px(cardHost()!, 'left'), px(cardHost()!, 'top')]).toEqual([16, 500]);
  });

  it.each([
    ['takes focus when the user summoned it', true, 1],
    ['leaves focus where it was when it came by itself', false, 0],
  ])('%s', (_, focus, times) => {
    const focused = vi.spyOn(HTMLIFrameElement.prototype, 'focus');
    card.show(CARD, BOX, focus);
    frame()!.dispatchEvent(new Event('load'));
    expect(focused).toHaveBeenCalledTimes(times);
  });

  it.each([
    ['ends where the card does, keeping its place and width', 174.3, 175],
    ['never grows past the box it was placed in', 400, BOX.height],
  ])('fit %s', (_, drawn, height) => {
    card.show(CARD, BOX, false);
    card.fit(drawn);
    const host = cardHost()!;
    expect([px(host, 'left'), px(host, 'top'), px(host, 'width'), px(host, 'height')]).toEqual([BOX.x, BOX.y, BOX.width, height]);
    expect(host.style.getPropertyPriority('height')).toBe('important');
  });

  it('fit does nothing when no card shows, and a new card starts from its whole box', () => {
    card.fit(100);
    expect(cardHost()).toBeNull();
    card.show(CARD, BOX, false);
    card.fit(120);
    card.show(CARD, BOX, false);
    expect(px(cardHost()!, 'height')).toBe(BOX.height);
  });

  it('hide takes it away', () => {
    card.show(CARD, BOX, false);
    card.hide();
    expect(card.showing).toBe(false);
    expect(cardHost()).toBeNull();
    expect(frame()).toBeNull();
  });

  it.each([
    ['removes the card', () => cardHost()!.remove()],
    ['empties the body', () => (document.body.innerHTML = '<main>rebuilt</main>')],
    ['replaces the body', () => document.body.replaceWith(document.createElement('body'))],
  ])('puts the card back when the page %s while it shows', async (_, rebuild) => {
    card.show(CARD, BOX, false);
    rebuild();
    await settle();
    expect(cardHost()?.parentNode).toBe(document.body);
    expect(frame()!.src).toBe(CARD);
  });

  it('keeps putting it back after the page replaced the body', async () => {
    card.show(CARD, BOX, false);
    document.body.replaceWith(document.createElement('body'));
    await settle();
    cardHost()!.remove();
    await settle();
    expect(cardHost()?.parentNode).toBe(document.body);
  });

  it('does not come back once hidden', async () => {
    card.show(CARD, BOX, false);
    card.hide();
    document.body.innerHTML = '<main>rebuilt</main>';
    await settle();
    expect(cardHost()).toBeNull();
  });
});

describe('the chip', () => {
  let pressed: ReturnType<typeof vi.fn<() => void>>;
  let moved: ReturnType<typeof vi.fn<(p: ChipPosition) => void>>;
  let chip: { destroy(): void; move(p: ChipPosition): void };
  const start = (at: ChipPosition = { x: 0.5, y: 0.5 }) => {
    chip = createChip(document, at, pressed, moved, 'Pause Moment: pause before agreeing');
  };
  /** Where the chip is, as a fraction of the room it has to move in. */
  const where = (): ChipPosition => ({
    x: px(chipHost()!, 'left') / (window.innerWidth - CHIP),
    y: px(chipHost()!, 'top') / (window.innerHeight - CHIP),
  });
  /** A press at the chip's centre, moved by (dx, dy), then released, the way a browser reports the user's pointer. */
  function drag(dx: number, dy: number, trusted = true): void {
    const mark = trusted ? asUser : <E extends Event>(e: E) => e;
    const x = px(chipHost()!, 'left') + CHIP / 2;
    const y = px(chipHost()!, 'top') + CHIP / 2;
    button().dispatchEvent(mark(pointer('pointerdown', x, y)));
    button().dispatchEvent(mark(pointer('pointermove', x + dx / 2, y + dy / 2)));
    button().dispatchEvent(mark(pointer('pointermove', x + dx, y + dy)));
    button().dispatchEvent(mark(pointer('pointerup', x + dx, y + dy)));
    button().dispatchEvent(mark(new MouseEvent('click', { bubbles: true })));
  }

  beforeEach(() => {
    pressed = vi.fn();
    moved = vi.fn();
  });
  afterEach(() => chip.destroy());

  it('is a labelled button in a closed root, at its place as a fraction of the window', () => {
    start(CHIP_DEFAULT);
    const host = chipHost()!;
    expect(host.parentNode).toBe(document.body);
    expect(host.shadowRoot).toBeNull();
    expect(button().getAttribute('aria-label')).toBe('Pause Moment: pause before agreeing');
    expect([px(host, 'left'), px(host, 'top')]).toEqual([Math.round(0.97 * (1024 - CHIP)), Math.round(0.35 * (768 - CHIP))]);
  });

  it('draws the pause sign (no character a font may lack), hidden from assistive tech, and keeps its label', () => {
    start();
    expect(button().textContent).toBe('');
    const svg = button().querySelector('svg')!;
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.querySelectorAll('rect')).toHaveLength(2);
    expect(svg.querySelector('rect')!.getAttribute('fill')).toBe('currentColor');
    expect(button().getAttribute('aria-label')).toBe('Pause Moment: pause before agreeing');
  });

  it('stays quiet during the call, and comes up fully only while pointed at or focused', () => {
    start();
    const opacity = () => button().style.getPropertyValue('opacity');
    expect(opacity()).toBe(CHIP_RESTING_OPACITY);
    expect(Number(CHIP_RESTING_OPACITY)).toBeLessThan(1);
    expect(button().style.getPropertyValue('animation')).toBe('');
    button().dispatchEvent(new PointerEvent('pointerenter'));
    expect(opacity()).toBe('1');
    button().dispatchEvent(new PointerEvent('pointerleave'));
    expect(opacity()).toBe(CHIP_RESTING_OPACITY);
    button().dispatchEvent(new FocusEvent('focus'));
    expect(opacity()).toBe('1');
    button().dispatchEvent(new FocusEvent('blur'));
    expect(opacity()).toBe(CHIP_RESTING_OPACITY);
  });

  it('happy-dom leaves isTrusted unset on events a script dispatches, so they read as untrusted', () => {
    start();
    let seen: unknown = 'not dispatched';
    button().addEventListener('click', (e) => (seen = e.isTrusted));
    button().click();
    expect(seen).not.toBe(true);
  });

  it.each([
    ['click()', () => button().click()],
    ['a dispatched click', () => button().dispatchEvent(new MouseEvent('click', { bubbles: true }))],
  ])('does not open the card for a page script’s %s', (_, press) => {
    start();
    press();
    expect(pressed).not.toHaveBeenCalled();
  });

  it('opens the card for the user’s own click', () => {
    start();
    button().dispatchEvent(asUser(new MouseEvent('click', { bubbles: true })));
    expect(pressed).toHaveBeenCalledOnce();
  });

  it('opens the card, and stays put, when the pointer moved less than the drag threshold', () => {
    start();
    drag(3, 2);
    expect(pressed).toHaveBeenCalledOnce();
    expect(moved).not.toHaveBeenCalled();
    expect(where()).toEqual({ x: 0.5, y: 0.5 });
  });

  it('follows a drag and reports where it was dropped, without opening the card', () => {
    start();
    drag(98, -72.4);
    const dropped = moved.mock.calls[0]![0];
    expect(dropped.x).toBeCloseTo(0.6, 5);
    expect(dropped.y).toBeCloseTo(0.4, 5);
    expect(where().x).toBeCloseTo(0.6, 2);
    expect(where().y).toBeCloseTo(0.4, 2);
    expect(pressed).not.toHaveBeenCalled();
  });

  it.each<[string, number, number, ChipPosition]>([
    ['past the bottom right', 5000, 5000, { x: 1, y: 1 }],
    ['past the top left', -5000, -5000, { x: 0, y: 0 }],
    ['past the right, inside vertically', 5000, 0, { x: 1, y: 0.5 }],
    ['past the top, inside horizontally', 0, -5000, { x: 0.5, y: 0 }],
  ])('keeps a drag %s inside the window', (_, dx, dy, expected) => {
    start();
    drag(dx, dy);
    expect(moved.mock.calls).toEqual([[expected]]);
    expect(where()).toEqual(expected);
  });

  it('cannot be dragged by a page script', () => {
    start();
    drag(200, 200, false);
    expect(moved).not.toHaveBeenCalled();
    expect(where()).toEqual({ x: 0.5, y: 0.5 });
  });

  it('keeps its place in the window when the window is resized', () => {
    start(CHIP_DEFAULT);
    win.happyDOM.setViewport({ width: 800, height: 600 });
    expect([px(chipHost()!, 'left'), px(chipHost()!, 'top')]).toEqual([Math.round(0.97 * (800 - CHIP)), Math.round(0.35 * (600 - CHIP))]);
    win.happyDOM.setViewport({ width: 1024, height: 768 });
    expect([px(chipHost()!, 'left'), px(chipHost()!, 'top')]).toEqual([Math.round(0.97 * (1024 - CHIP)), Math.round(0.35 * (768 - CHIP))]);
  });

  it('keeps a dropped place through a resize', () => {
    start();
    drag(5000, -5000);
    win.happyDOM.setViewport({ width: 640, height: 480 });
    expect([px(chipHost()!, 'left'), px(chipHost()!, 'top')]).toEqual([640 - CHIP, 0]);
  });

  it.each<[ChipPosition, ChipPosition]>([
    [{ x: 2, y: -1 }, { x: 1, y: 0 }],
    [{ x: 0.25, y: 0.75 }, { x: 0.25, y: 0.75 }],
  ])('move(%o) puts it at %o', (to, expected) => {
    start();
    chip.move(to);
    expect(where()).toEqual(expected);
  });

  it.each([
    ['removes it', () => chipHost()!.remove()],
    ['empties the body', () => (document.body.innerHTML = '<main>rebuilt</main>')],
    ['replaces the body, then removes it from the new one', async () => {
      document.body.replaceWith(document.createElement('body'));
      await settle();
      chipHost()!.remove();
    }],
  ])('is put back when the page %s', async (_, rebuild) => {
    start();
    await rebuild();
    await settle();
    expect(chipHost()?.parentNode).toBe(document.body);
    expect(document.querySelectorAll('pause-moment-chip')).toHaveLength(1);
  });

  it('destroy removes it for good', async () => {
    start();
    chip.destroy();
    expect(chipHost()).toBeNull();
    document.body.innerHTML = '<main>rebuilt</main>';
    win.happyDOM.setViewport({ width: 800, height: 600 });
    await settle();
    expect(chipHost()).toBeNull();
  });
});

describe('chipPositionOf', () => {
  it.each<[string, unknown, ChipPosition | undefined]>([
    ['a saved place', { x: 0.2, y: 0.8 }, { x: 0.2, y: 0.8 }],
    ['the corners', { x: 0, y: 1 }, { x: 0, y: 1 }],
    ['nothing saved', null, undefined],
    ['numbers as text', { x: '0.2', y: '0.8' }, undefined],
    ['a place off the window', { x: 1.5, y: 0.5 }, undefined],
    ['not a number', { x: Number.NaN, y: 0.5 }, undefined],
    ['half a place', { x: 0.5 }, undefined],
  ])('reads %s', (_, raw, want) => {
    expect(chipPositionOf(raw)).toEqual(want);
  });
});

describe('after an update', () => {
  it("a new run's chip and card take the place of what an earlier run left in the page", () => {
    const stale = ['pause-moment-chip', 'pause-moment-card'].map((tag) => document.body.appendChild(document.createElement(tag)));
    const chip = createChip(document, CHIP_DEFAULT, () => undefined, () => undefined, 'Pause');
    const card = createCardLayer(document);
    expect(stale.map((el) => el.isConnected)).toEqual([false, false]);
    expect(document.querySelectorAll('pause-moment-chip')).toHaveLength(1);
    chip.destroy();
    card.destroy();
  });
});
