/**
 * The pause sign, drawn rather than typed: the ⏸ character is missing from
 * many fonts and shows as an empty box there. Two rounded bars on a 16-unit
 * square, filled with the text colour.
 */
export const PAUSE_ICON = {
  viewBox: '0 0 16 16',
  bars: [
    { x: 3.5, y: 2.5, width: 3, height: 11, rx: 1 },
    { x: 9.5, y: 2.5, width: 3, height: 11, rx: 1 },
  ],
} as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The pause sign as an SVG element of `doc`, `size` px square, hidden from assistive tech (its control carries the label). */
export function createPauseIcon(doc: Document, size: number): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', PAUSE_ICON.viewBox);
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const bar of PAUSE_ICON.bars) {
    const rect = doc.createElementNS(SVG_NS, 'rect');
    for (const [name, value] of Object.entries(bar)) rect.setAttribute(name, String(value));
    rect.setAttribute('fill', 'currentColor');
    svg.appendChild(rect);
  }
  return svg;
}
