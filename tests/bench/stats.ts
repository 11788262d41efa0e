/** Small statistics for the bench: medians and nearest-rank percentiles (always a real sample). */

/** The p-quantile (0 < p ≤ 1) by nearest rank, or null without samples. */
export function quantile(values: Array<number | null>, p: number): number | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  return xs[Math.max(0, Math.ceil(p * xs.length) - 1)]!;
}

export const median = (values: Array<number | null>): number | null => quantile(values, 0.5);
export const p90 = (values: Array<number | null>): number | null => quantile(values, 0.9);

/** `12.3` or `n/a`. */
export const ms = (v: number | null): string => (v === null ? 'n/a' : v.toFixed(1));

/** A plain-text table; `align` has one letter per column, `l` or `r`. */
export function table(head: string[], body: string[][], align: string): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
