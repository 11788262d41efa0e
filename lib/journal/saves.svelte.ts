/**
 * The reflections one page has saved, shared between that page's parts: in
 * the popup the quick entry and the after-call line say when they save, and
 * the list, which reads the journal itself, reads it again. The parts never
 * hold one another.
 */
export class JournalSaves {
  /** How many reflections this page has saved; it only grows. */
  count = $state(0);

  /** Tells the page's other parts that a reflection was just saved. */
  saved(): void {
    this.count += 1;
  }
}

/** The page's one record of the reflections it saved. */
export const journalSaves = new JournalSaves();
