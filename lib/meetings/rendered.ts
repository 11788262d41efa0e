/**
 * Whether the user can see an element at all. Meeting apps keep controls
 * they are done with in the page, hidden (a Teams mic button after the call,
 * Jitsi's toolbox markup behind another screen): those say nothing about
 * the call.
 *
 * `checkVisibility()` (Chromium 105, Firefox 106) is false for an element
 * that is detached, under `display: none` or `hidden`, or in a
 * `content-visibility: hidden` subtree; the fallback covers the same for
 * DOMs without it. It ignores opacity and `visibility`, on purpose: apps fade
 * and slide their toolbars away while the call goes on.
 * https://developer.mozilla.org/en-US/docs/Web/API/Element/checkVisibility
 */
export function isRendered(el: Element): boolean {
  // `hidden` counts even where no user-agent style gives it display: none (test DOMs).
  if (!el.isConnected || el.closest('[hidden]')) return false;
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof check === 'function') return check.call(el);
  const view = el.ownerDocument.defaultView;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (view?.getComputedStyle(node).display === 'none') return false;
  }
  return true;
}
