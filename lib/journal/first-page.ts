import { JOURNAL_PAGE, reflectionsNewestFirst } from './store';
import type { Reflection } from './reflection';

/**
 * The popup's first page of reflections, read before the popup is built: a
 * small script at the top of popup.html starts the read (`startFirstPage`)
 * while the page's larger scripts are still loading, and the popup takes it
 * when it mounts (`takeFirstPage`), so the list is there in its first paint.
 */
const SLOT = '__pauseMomentFirstPage';
type Slot = { [SLOT]?: Promise<Reflection[]> };

export function startFirstPage(): void {
  const read = reflectionsNewestFirst(JOURNAL_PAGE);
  // Handled by whoever takes it; never an unhandled rejection meanwhile.
  read.catch(() => {});
  (globalThis as Slot)[SLOT] = read;
}

/** The read `startFirstPage` began, once; undefined if it never ran. */
export function takeFirstPage(): Promise<Reflection[]> | undefined {
  const slot = globalThis as Slot;
  const read = slot[SLOT];
  delete slot[SLOT];
  return read;
}
