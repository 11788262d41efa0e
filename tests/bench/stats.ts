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
