/**
 * The cover a site's page shows while paused: one host element in the page,
 * holding a closed shadow root with an opaque backdrop and an iframe of our
 * own pause page. Everything the user reads, types and clicks lives in that
 * iframe, in the extension's origin, where the site can neither read keys,
 * restyle it nor click it for them. This file only keeps the cover in place
 * against a page that fights it.
 */

/** The host's styles, applied through the CSSOM with !important: a page CSP of `style-src 'none'` blocks style attributes. */
const HOST_STYLE: Record<string, string> = {
  display: 'block',
  position: 'fixed',
  inset: '0',
  width: '100vw',
  height: '100vh',
  'max-width': 'none',
  'max-height': 'none',
  'min-width': '0',
  'min-height': '0',
  margin: '0',
  padding: '0',
  border: '0',
  'box-sizing': 'border-box',
  overflow: 'hidden',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
  filter: 'none',
  'clip-path': 'none',
  mask: 'none',
  'pointer-events': 'auto',
  'z-index': '2147483647',
  'color-scheme': 'light dark',
  // The same calm colours as the pause page, so the cover does not flash when it loads.
  'background-color': 'light-dark(#f5f2ec, #17191d)',
  contain: 'strict',
};

const FRAME_STYLE: Record<string, string> = {
  display: 'block',
  position: 'absolute',
  inset: '0',
  width: '100%',
  height: '100%',
  border: '0',
  margin: '0',
  padding: '0',
  background: 'transparent',
  'color-scheme': 'light dark',
};

function applyStyle(el: HTMLElement, style: Record<string, string>): void {
  for (const [name, value] of Object.entries(style)) el.style.setProperty(name, value, 'important');
}

/** The cover, once created. */
export interface PauseOverlay {
  /** Covers the page at once; with a URL, loads the pause page into the cover. */
  show(frameUrl?: string): void;
  /** Removes the cover and the pause page. */
  hide(): void;
  readonly showing: boolean;
  /** Stops guarding and removes everything. */
  destroy(): void;
}

/**
 * Creates the cover for `doc`. The host stays where it is once inserted:
 * moving it would reload the iframe and lose what the user typed. It wins
 * stacking through the top layer (a manual popover), raised again whenever
 * the page opens its own dialog, popover or full-screen element.
 */
export function createPauseOverlay(doc: Document): PauseOverlay {
  const host = doc.createElement('pause-moment');
  const root = host.attachShadow({ mode: 'closed' });
  let frame: HTMLIFrameElement | undefined;
  let showing = false;
  let destroyed = false;
  const canPopover = typeof host.showPopover === 'function';
  if (canPopover) host.setAttribute('popover', 'manual');
  applyStyle(host, HOST_STYLE);
  const expectedStyle = host.getAttribute('style');

  function raise(): void {
    if (!showing || !canPopover || !host.isConnected) return;
    try {
      if (host.matches(':popover-open')) host.hidePopover();
      host.showPopover();
    } catch {
      // Not connected yet, or the document is being replaced: the observers retry.
    }
    frame?.focus();
  }

  function attach(): void {
    if (!showing || host.isConnected) return;
    const parent = doc.documentElement;
    if (!parent) return;
    parent.appendChild(host);
    raise();
  }

  // Puts back what the page took away: the host itself, its styles, its popover state.
  // Only the document's top two levels and the host are watched, not the whole page.
  const guard = new MutationObserver((records) => {
    if (!showing) return;
    const restyle = records.some((r) => r.target === host && r.type === 'attributes');
    if (restyle) {
      if (host.getAttribute('style') !== expectedStyle) applyStyle(host, HOST_STYLE);
      if (canPopover && host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
      for (const name of ['inert', 'hidden']) if (host.hasAttribute(name)) host.removeAttribute(name);
    }
    if (!host.isConnected) attach();
    else if (restyle) raise();
    observe();
  });
  // A page dialog opened with showModal() enters the top layer above ours; its `open` attribute tells us.
  const dialogs = new MutationObserver(() => raise());

  function observe(): void {
    guard.disconnect();
    guard.observe(doc, { childList: true });
    if (doc.documentElement) {
      guard.observe(doc.documentElement, { childList: true });
      dialogs.disconnect();
      dialogs.observe(doc.documentElement, { subtree: true, attributes: true, attributeFilter: ['open'] });
    }
    guard.observe(host, { attributes: true });
  }

  // A page's own popover, or a full-screen element, would otherwise sit above the pause.
  const onToggle = (event: Event): void => {
    if (event.target === host) {
      if (showing && !host.matches(':popover-open')) queueMicrotask(raise);
    } else if ((event as ToggleEvent).newState === 'open') {
      queueMicrotask(raise);
    }
  };
  const onFullscreen = (): void => {
    if (showing && doc.fullscreenElement) void doc.exitFullscreen().catch(() => undefined).then(raise);
  };
  // Media keeps playing behind an opaque cover; a pause should be quiet.
  const onPlay = (event: Event): void => {
    if (showing && event.target instanceof HTMLMediaElement) event.target.pause();
  };
  // The pause keeps focus while it is up: a page that grabs focus gives it back.
  const onFocusIn = (event: Event): void => {
    if (showing && event.target !== host) frame?.focus();
  };
  doc.addEventListener('toggle', onToggle, true);
  doc.addEventListener('fullscreenchange', onFullscreen, true);
  doc.addEventListener('play', onPlay, true);
  doc.addEventListener('focusin', onFocusIn, true);

  return {
    show(frameUrl) {
      if (destroyed) return;
      showing = true;
      if (frameUrl && frame?.dataset.src !== frameUrl) {
        frame?.remove();
        frame = doc.createElement('iframe');
        frame.dataset.src = frameUrl;
        applyStyle(frame, FRAME_STYLE);
        frame.setAttribute('title', 'Pause Moment: is this really my choice?');
        frame.addEventListener('load', () => frame?.focus());
        frame.src = frameUrl;
        root.appendChild(frame);
      }
      observe();
      attach();
      raise();
      for (const media of doc.querySelectorAll('audio, video')) (media as HTMLMediaElement).pause();
      onFullscreen();
    },
    hide() {
      showing = false;
      guard.disconnect();
      dialogs.disconnect();
      frame?.remove();
      frame = undefined;
      if (canPopover && host.isConnected && host.matches(':popover-open')) host.hidePopover();
      host.remove();
    },
    get showing() {
      return showing;
    },
    destroy() {
      this.hide();
      destroyed = true;
      doc.removeEventListener('toggle', onToggle, true);
      doc.removeEventListener('fullscreenchange', onFullscreen, true);
      doc.removeEventListener('play', onPlay, true);
      doc.removeEventListener('focusin', onFocusIn, true);
    },
  };
}
