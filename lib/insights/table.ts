/**
 * A chart's numbers as a table: what the chart's "Show numbers" toggle shows
 * and its CSV export writes, so the two can never disagree.
 */
export interface DataTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

/** A share (0–1) as a whole percentage, or a dash when there is nothing to share. */
export function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** `part` of `whole`, or null when `whole` is 0. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
