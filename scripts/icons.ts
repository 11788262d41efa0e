/**
 * Draws the toolbar icons, public/icon/{16,32,48,128}.png, from the one
 * source scripts/icon.svg: `npm run icons`. Run it after changing the SVG;
 * tests/unit/toolbar-icon.test.ts checks the PNGs still match it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const ROOT = resolve(import.meta.dirname, '..');

/** The icon's source. */
export const ICON_SVG = resolve(ROOT, 'scripts/icon.svg');

/** The sizes the browsers ask for: 16 and 32 in the toolbar, 48 and 128 in their extension pages and stores. */
export const ICON_SIZES = [16, 32, 48, 128] as const;

/** Where the PNG of one size goes (WXT picks icons up from public/icon/<size>.png). */
export function iconPath(size: number): string {
  return resolve(ROOT, `public/icon/${size}.png`);
}

/** The SVG drawn as a PNG, `size` px square. */
export function renderIcon(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

function main(): void {
  const svg = readFileSync(ICON_SVG, 'utf8');
  for (const size of ICON_SIZES) {
    writeFileSync(iconPath(size), renderIcon(svg, size));
    console.log(`public/icon/${size}.png`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
