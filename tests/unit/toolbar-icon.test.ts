import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, ICON_SVG, iconPath, renderIcon } from '../../scripts/icons';
import { contrastRatio, over, parseHex, type Rgb } from './contrast';

/** Toolbar colours the icon must show on: Chrome's light toolbar, and its dark toolbar and dark tab strip. */
const TOOLBARS = { light: '#f1f3f4', dark: '#202124', 'dark tab strip': '#35363a' } as const;
const MIN = 3;

interface Icon {
  size: number;
  /** The pixel at (x, y) laid over `bg`; whether it is mostly opaque, and whether fully. */
  at(x: number, y: number, bg: Rgb): { rgb: Rgb; opaque: boolean; solid: boolean };
}

function readIcon(size: number): Icon & { width: number; height: number } {
  const png = PNG.sync.read(readFileSync(iconPath(size)));
  return {
    size,
    width: png.width,
    height: png.height,
    at(x, y, bg) {
      const i = (y * png.width + x) * 4;
      const d = png.data;
      return { rgb: over([d[i]!, d[i + 1]!, d[i + 2]!], d[i + 3]! / 255, bg), opaque: d[i + 3]! >= 128, solid: d[i + 3] === 255 };
    },
  };
}

/** Bounding box of the pixels for which `keep` holds. */
function box(icon: Icon, keep: (x: number, y: number) => boolean) {
  let [left, top, right, bottom, count] = [Infinity, Infinity, -Infinity, -Infinity, 0];
  for (let y = 0; y < icon.size; y++) {
    for (let x = 0; x < icon.size; x++) {
      if (!keep(x, y)) continue;
      count++;
      [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
    }
  }
  return { left, top, right, bottom, count };
}

/** Runs of consecutive indexes in [0, length) for which `hit` holds, as [first, last]. */
function runs(length: number, hit: (i: number) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < length; i++) {
    if (!hit(i)) continue;
    const start = i;
    while (i + 1 < length && hit(i + 1)) i++;
    out.push([start, i]);
  }
  return out;
}

describe.each(ICON_SIZES.map((size) => [size]))('the %i px toolbar icon', (size) => {
  const icon = readIcon(size);

  it('is that size, and is what scripts/icon.svg draws', () => {
    expect([icon.width, icon.height]).toEqual([size, size]);
    const fresh = PNG.sync.read(renderIcon(readFileSync(ICON_SVG, 'utf8'), size));
    const stored = PNG.sync.read(readFileSync(iconPath(size)));
    expect(Buffer.compare(fresh.data, stored.data), 'run `npm run icons` after changing the SVG').toBe(0);
  });

  it.each(Object.entries(TOOLBARS))('shows its whole shape at 3:1 or more on a %s toolbar (%s)', (_, hex) => {
    const bg = parseHex(hex);
    const shape = box(icon, (x, y) => icon.at(x, y, bg).opaque);
    const visible = box(icon, (x, y) => icon.at(x, y, bg).opaque && contrastRatio(icon.at(x, y, bg).rgb, bg) >= MIN);
    // The part that stands out spans the icon, give or take its pale rim (one 16th) and a pixel of smoothing...
    const slack = size / 16 + 1;
    expect(shape.count).toBeGreaterThan(0);
    expect(visible.left - shape.left).toBeLessThanOrEqual(slack);
    expect(visible.top - shape.top).toBeLessThanOrEqual(slack);
    expect(shape.right - visible.right).toBeLessThanOrEqual(slack);
    expect(shape.bottom - visible.bottom).toBeLessThanOrEqual(slack);
    // ...and is no thin trace: a good part of the icon itself.
    expect(visible.count / shape.count).toBeGreaterThanOrEqual(0.25);
  });

  it('shows two separate vertical bars', () => {
    const bg = parseHex(TOOLBARS.light);
    const middle = Math.floor(size / 2);
    // The middle of a pause sign is the gap between its bars: the bars are what stands out 3:1 from it.
    const gap = icon.at(middle, middle, bg).rgb;
    const isBar = (x: number, y: number) => icon.at(x, y, bg).opaque && contrastRatio(icon.at(x, y, bg).rgb, gap) >= MIN;
    const row = runs(size, (x) => isBar(x, middle));
    // A run that reaches the icon's edge (a pixel that is not fully opaque, or none) is its rim, not a mark inside it.
    const solid = (x: number) => x >= 0 && x < size && icon.at(x, middle, bg).solid;
    const bars = row.filter(([a, b]) => solid(a - 1) && solid(b + 1));
    expect(bars, `runs across the middle row: ${JSON.stringify(row)}`).toHaveLength(2);
    const [[a1, b1], [a2, b2]] = bars as [[number, number], [number, number]];
    expect(a2 - b1 - 1, 'a gap between the bars').toBeGreaterThanOrEqual(1);
    for (const [a, b] of bars) {
      const x = Math.floor((a + b) / 2);
      const column = runs(size, (y) => isBar(x, y)).find(([top, bottom]) => top <= middle && middle <= bottom)!;
      const [width, height] = [b - a + 1, column[1] - column[0] + 1];
      expect(height, `bar at x ${a}–${b} is ${width} wide and ${height} tall`).toBeGreaterThanOrEqual(2 * width);
    }
    // One on each side of the middle, as wide as each other.
    expect(b1).toBeLessThan(middle);
    expect(a2).toBeGreaterThan(middle);
    expect(b1 - a1).toBe(b2 - a2);
  });
});
