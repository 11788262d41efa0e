/** A URL without its fragment: moving to `#comments` is not a navigation. */
export function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}

/** How often to look at the address when the browser has no Navigation API. */
const POLL_MS = 400;

/**
 * Calls `onChange` when the page moves to another address without a page load
 * (pushState, replaceState, back/forward in a single-page app) or comes back
 * from the back/forward cache. A content script cannot see the page's own
 * history calls, so it listens to the Navigation API where the browser has it
 * and otherwise looks at the address a few times a second. Changes of the
 * fragment alone are ignored.
 */
export function watchLocation(win: Window, onChange: (reason: 'navigated' | 'restored') => void, signal: AbortSignal): void {
  let last = withoutHash(win.location.href);
  const check = (): void => {
    const now = withoutHash(win.location.href);
    if (now === last) return;
    last = now;
    onChange('navigated');
  };
  const nav = (win as Window & { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    nav.addEventListener('currententrychange', check, { signal });
  } else {
    const timer = win.setInterval(check, POLL_MS);
    signal.addEventListener('abort', () => win.clearInterval(timer));
  }
  win.addEventListener('popstate', check, { signal });
  win.addEventListener(
    'pageshow',
    (event) => {
      if (!(event as PageTransitionEvent).persisted) return;
      last = withoutHash(win.location.href);
      onChange('restored');
    },
    { signal },
  );
}
