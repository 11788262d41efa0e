/**
 * Calls `onScroll(px, height)` for every scroll of the page or of any element
 * in it: `px` how far it moved since its last scroll event, `height` the
 * scrolling box's own height. A feed usually scrolls an inner element, not the
 * document. A scroll event on an element does not bubble, but it passes the
 * window in the capture phase (DOM Standard, "dispatch"; CSSOM View, "scroll
 * steps": element scroll events fire at the element, the viewport's at the
 * document), so one passive capture listener on the window hears them all and
 * never delays a scroll. The event fires after the scroll is applied and
 * before the next frame's layout, so reading `scrollTop` of its target there
 * forces no extra layout unless the page has just changed the DOM; the box's
 * height is read once per element and again after a resize.
 */
export function watchScrolling(win: Window, onScroll: (px: number, height: number) => void, signal: AbortSignal): void {
  const doc = win.document;
  /** Each scrolled box's last position and height, in the generation (of window sizes) it was read in. */
  const seen = new WeakMap<Element, [top: number, height: number, size: number]>();
  let size = 0;
  const options = { capture: true, passive: true, signal };
  win.addEventListener('resize', () => size++, options);
  win.addEventListener(
    'scroll',
    (event) => {
      const target = event.target as Node | null;
      const box = target === doc ? doc.scrollingElement : target?.nodeType === 1 ? (target as Element) : null;
      if (!box) return;
      const top = box.scrollTop;
      const last = seen.get(box);
      const height = last && last[2] === size ? last[1] : box === doc.scrollingElement ? win.innerHeight : box.clientHeight;
      seen.set(box, [top, height, size]);
      if (last) onScroll(top - last[0], height);
    },
    options,
  );
}

/** How often the time in view is counted. */
const TICK_MS = 5_000;

/**
 * Calls `onTime(ms)` every few seconds with the time the page was in view
 * since the last call: time in a background tab or a hidden window is not
 * time on the feed.
 */
export function watchTimeInView(doc: Document, onTime: (ms: number) => void, setInterval: (fn: () => void, ms: number) => number, now: () => number): () => void {
  let last = now();
  const id = setInterval(() => {
    const at = now();
    if (doc.visibilityState === 'visible') onTime(at - last);
    last = at;
  }, TICK_MS);
  return () => clearInterval(id);
}
