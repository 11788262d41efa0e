/** A box on screen, in CSS pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Space kept between a card and the window's edge. */
const MARGIN = 16;

/**
 * Where a meeting card goes: the corner of the window where it covers the
 * least of the meeting's own controls (ideally none), preferring the top
 * right, where meeting apps rarely put their call controls.
 */
export function placeCard(viewport: { width: number; height: number }, card: { width: number; height: number }, controls: readonly Rect[]): Rect {
  const width = Math.min(card.width, Math.max(0, viewport.width - 2 * MARGIN));
  const height = Math.min(card.height, Math.max(0, viewport.height - 2 * MARGIN));
  const right = viewport.width - width - MARGIN;
  const bottom = viewport.height - height - MARGIN;
  const corners: Rect[] = [
    { x: right, y: MARGIN, width, height },
    { x: MARGIN, y: MARGIN, width, height },
    { x: right, y: bottom, width, height },
    { x: MARGIN, y: bottom, width, height },
  ];
  let best = corners[0]!;
  let bestCover = Infinity;
  for (const corner of corners) {
    const cover = controls.reduce((sum, c) => sum + overlap(corner, c), 0);
    if (cover < bestCover) {
      best = corner;
      bestCover = cover;
    }
  }
  return best;
}
