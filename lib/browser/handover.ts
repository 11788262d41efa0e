/**
 * A value one script of a page makes early and another takes when it starts,
 * through a slot on the page's global object. The first-read scripts load
 * `async`, so either may run first: once the taker has looked, found or not,
 * the slot is marked taken and a late `give` makes nothing, so a read the page
 * has already begun for itself is never begun a second time.
 */
export interface Handover<T> {
  /** Makes the value and keeps it, unless one is kept already or the taker has looked. */
  give(make: () => T): void;
  /** The kept value, once; undefined when none was given before this first look. */
  take(): T | undefined;
}

type Held<T> = { value: T } | 'taken';

/** The handover through `globalThis[slot]`. */
export function handover<T>(slot: string): Handover<T> {
  const page = globalThis as unknown as Record<string, Held<T> | undefined>;
  return {
    give(make) {
      if (page[slot] === undefined) page[slot] = { value: make() };
    },
    take() {
      const held = page[slot];
      page[slot] = 'taken';
      return held === undefined || held === 'taken' ? undefined : held.value;
    },
  };
}
