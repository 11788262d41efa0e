import { describe, expect, it } from 'vitest';
import { MEETING_SELECTORS } from '@/lib/meetings/selectors';

const rows = Object.entries(MEETING_SELECTORS);

/** Every CSS selector in a platform's row, with where it sits. */
function selectorsOf(row: (typeof MEETING_SELECTORS)['meet']): string[] {
  const markers = [row.left, row.inCall, row.preJoin];
  return [
    ...(row.frames ?? []),
    ...markers.flatMap((m) => [...m.css, ...(m.text ? [m.text.in] : [])]),
    ...row.leave,
    ...row.mic.css,
    ...row.controls,
  ];
}

describe('MEETING_SELECTORS', () => {
  it.each(rows)('%s: every selector parses', (_platform, row) => {
    for (const selector of selectorsOf(row)) {
      expect(() => document.querySelector(selector), selector).not.toThrow();
    }
  });

  it.each(rows)('%s: can find the call, the mic and a way to say muted or unmuted', (_platform, row) => {
    expect(row.inCall.css.length).toBeGreaterThan(0);
    expect(row.leave.length).toBeGreaterThan(0);
    expect(row.mic.css.length).toBeGreaterThan(0);
    expect(row.mic.signals.length).toBeGreaterThan(0);
    expect(row.left.css.length + (row.left.text?.says.length ?? 0)).toBeGreaterThan(0);
    expect(row.preJoin.css.length + (row.preJoin.text?.says.length ?? 0)).toBeGreaterThan(0);
  });

  it.each(rows)('%s: label prefixes never claim both states', (_platform, row) => {
    for (const signal of row.mic.signals) {
      if (signal.kind !== 'label' || signal.match === 'phrase') continue;
      for (const m of signal.muted) {
        for (const u of signal.unmuted) {
          expect(m.toLowerCase().startsWith(u.toLowerCase()) || u.toLowerCase().startsWith(m.toLowerCase()), `${m} / ${u}`).toBe(false);
        }
      }
    }
  });
});
