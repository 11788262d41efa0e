import { browser } from 'wxt/browser';

/**
 * Whether `url` (a message sender's) is our own extension page `page`, with
 * any query. A page framed in a site may carry the session's dynamic address
 * or settle at the extension's own: Chromium's `runtime.getURL` gives the
 * dynamic one for a `use_dynamic_url` resource, while the framed document
 * reports the fixed extension origin, so both are ours.
 */
export function isOwnPage(url: string | undefined, page: '/pause.html' | '/check-in.html' | '/meeting-card.html'): boolean {
  if (!url) return false;
  const addresses = [browser.runtime.getURL(page), `${globalThis.location.origin}${page}`];
  return addresses.some((a) => url === a || url.startsWith(`${a}?`) || url.startsWith(`${a}#`));
}
