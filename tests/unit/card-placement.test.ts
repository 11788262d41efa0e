import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeCard, type Rect } from '@/lib/meetings/placement';

/** The space the card keeps from the window's edges. */
const M = 16;
const VIEW = { width: 1280, height: 800 };
const CARD = { width: 360, height: 230 };

/** The four places a card may go, named as a user would see them. */
const corners = (view: { width: number; height: number }, card: { width: number; height: number }) => {
  const width = Math.min(card.width, Math.max(0, view.width - 2 * M));
  const height = Math.min(card.height, Math.max(0, view.height - 2 * M));
  return {
    'top right': { x: view.width - width - M, y: M, width, height },
    'top left': { x: M, y: M, width, height },
    'bottom right': { x: view.width - width - M, y: view.height - height - M, width, height },
    'bottom left': { x: M, y: view.height - height - M, width, height },
  };
};
type Corner = keyof ReturnType<typeof corners>;
const at = corners(VIEW, CARD);

function covered(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
const coveredAll = (card: Rect, controls: readonly Rect[]) => controls.reduce((sum, c) => sum + covered(card, c), 0);

// Control bars as meeting apps draw them on a 1280×800 window.
const bottomBar: Rect = { x: 0, y: 720, width: 1280, height: 80 };
const topBar: Rect = { x: 0, y: 0, width: 1280, height: 64 };
const topRightMenu: Rect = { x: 1100, y: 10, width: 170, height: 48 };
const rightRail: Rect = { x: 1200, y: 0, width: 80, height: 800 };
const leftRail: Rect = { x: 0, y: 0, width: 60, height: 800 };

describe('placeCard', () => {
  it.each<[string, Rect[], Corner]>([
    ['nothing to avoid: the top right', [], 'top right'],
    ['a call bar along the bottom: still the top right', [bottomBar], 'top right'],
    ['a menu in the top right: the top left', [topRightMenu], 'top left'],
    ['a bar across the top: the bottom right', [topBar], 'bottom right'],
    ['a bar across the top and a rail on the right: the bottom left', [topBar, rightRail], 'bottom left'],
    ['bars at the top and bottom, a rail on the right: the left side, covering least', [topBar, bottomBar, rightRail], 'top left'],
  ])('%s', (_, controls, corner) => {
    expect(placeCard(VIEW, CARD, controls)).toEqual(at[corner]);
  });

  it('when every corner covers some controls, picks the one covering least', () => {
    // Rails on both sides cover every corner; the right one is wider, so the left side wins,
    // and a bar along the top tips it to the bottom.
    const controls = [{ ...rightRail, x: 1180, width: 100 }, leftRail, { x: 0, y: 0, width: 1280, height: 30 }];
    const chosen = placeCard(VIEW, CARD, controls);
    expect(chosen).toEqual(at['bottom left']);
    for (const corner of Object.values(at)) expect(coveredAll(corner, controls)).toBeGreaterThan(0);
    for (const corner of Object.values(at)) expect(coveredAll(chosen, controls)).toBeLessThanOrEqual(coveredAll(corner, controls));
  });

  it.each<[string, { width: number; height: number }, Rect]>([
    ['a narrow window: the card gets narrower', { width: 300, height: 800 }, { x: 16, y: 16, width: 268, height: 230 }],
    ['a short window: the card gets shorter', { width: 1280, height: 200 }, { x: 904, y: 16, width: 360, height: 168 }],
    ['a tiny window: both', { width: 100, height: 80 }, { x: 16, y: 16, width: 68, height: 48 }],
    ['a window exactly the card plus margins', { width: 392, height: 262 }, { x: 16, y: 16, width: 360, height: 230 }],
  ])('never runs past the window: %s', (_, view, box) => {
    expect(placeCard(view, CARD, [])).toEqual(box);
  });

  const rect = fc.record({
    x: fc.integer({ min: -500, max: 4000 }),
    y: fc.integer({ min: -500, max: 3000 }),
    width: fc.integer({ min: 0, max: 2000 }),
    height: fc.integer({ min: 0, max: 1000 }),
  });
  const size = (min: number, max: number) => fc.record({ width: fc.integer({ min, max }), height: fc.integer({ min, max }) });

  it('always lands inside the window with its margin, at full size when it fits, and covers nothing when some corner can', () => {
    fc.assert(
      fc.property(size(2 * M, 4000), size(1, 1200), fc.array(rect, { maxLength: 6 }), (view, card, controls) => {
        const box = placeCard(view, card, controls);
        expect(box.x).toBeGreaterThanOrEqual(M);
        expect(box.y).toBeGreaterThanOrEqual(M);
        expect(box.x + box.width).toBeLessThanOrEqual(view.width - M);
        expect(box.y + box.height).toBeLessThanOrEqual(view.height - M);
        expect(box.width).toBe(Math.min(card.width, view.width - 2 * M));
        expect(box.height).toBe(Math.min(card.height, view.height - 2 * M));
        const free = Object.values(corners(view, card)).some((corner) => coveredAll(corner, controls) === 0);
        if (free) expect(coveredAll(box, controls)).toBe(0);
      }),
    );
  });
});
