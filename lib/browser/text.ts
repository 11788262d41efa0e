/**
 * Text cut to at most `max` UTF-16 units, ending in "…" when cut (the "…"
 * counts toward `max`): for quoting user text or an error in a message.
 */
export function clipWithEllipsis(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Text cut to at most `max` UTF-16 units without splitting a character in two: for text that is kept. */
export function clipWhole(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Text on one line: every run of whitespace (newlines too) becomes one space,
 * the ends are trimmed, and then it is cut to at most `max` UTF-16 units.
 */
export function oneLine(text: string, max = Infinity): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}
