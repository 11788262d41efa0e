import { setImportantStyles } from '../browser/css';
import { uiLanguage } from '../browser/language';
import { plainMessage } from '../browser/plain-message';

/**
 * The cover a site's page shows while paused: one host element in the page,
 * holding a closed shadow root with a modal dialog, and in it an iframe of
 * our own pause page. The question and the breath are painted with the cover,
 * so they show in the page's first frame; everything the user types and
 * clicks lives in that iframe, in the extension's origin, where the site can
 * neither read keys, restyle it nor click it for them. The modal dialog puts the pause in
 * the top layer and makes the page behind it inert, so the page cannot take
 * focus or clicks while the pause is up. This file keeps the cover in place
 * against a page that fights it.
 */

/** Styles are applied through the CSSOM with !important: a page CSP of `style-src 'none'` blocks style attributes and sheets. */
const COVER: Record<string, string> = {
  display: 'block',
  position: 'fixed',
  inset: '0',
  width: '100%',
  height: '100%',
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
  'pointer-events': 'auto',
  'z-index': '2147483647',
  'color-scheme': 'light dark',
  // The pause page's own colours, so nothing flashes while it loads.
  'background-color': 'light-dark(#f5f2ec, #17191d)',
};

/** Over the painted card: the pause page keeps its own content transparent until it has read the site, then fades in over the same words. */
const FRAME: Record<string, string> = {
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

/**
 * The question and the breath, painted with the cover before the pause page
 * loads, in the same place as the pause page's card (components/pause/
 * PauseCard.svelte: top padding, gap, breath, heading margin and font): when
 * the pause page fades in over it, nothing moves. Sizes are in px, since rem
 * here would be the page's. `all: initial` first, so nothing the page sets on
 * the host is inherited (only inherited properties cross the shadow root),
 * then every property that matters is set again.
 */
const CARD: Record<string, string> = {
  all: 'initial',
  display: 'flex',
  'flex-direction': 'column',
  'align-items': 'center',
  'box-sizing': 'border-box',
  width: '100%',
  'min-height': '100%',
  padding: 'max(30px, calc(50vh - 250px)) 18.75px 30px',
  gap: '7.5px',
  'text-align': 'center',
  direction: 'ltr',
  'unicode-bidi': 'isolate',
  'font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, sans-serif",
  'font-size': '15px',
  'line-height': '1.45',
  'color-scheme': 'light dark',
  color: 'light-dark(#23252b, #ecebe7)',
};

/** components/shared/Breath.svelte, drawn here. */
const BREATH: Record<string, string> = {
  display: 'block',
  flex: 'none',
  width: '96px',
  height: '96px',
  'border-radius': '50%',
  background: 'radial-gradient(circle at 40% 40%, light-dark(#dde9e3, #26352f), light-dark(#2f5d50, #8fc7b4))',
  opacity: '0.85',
};

/** One breath, in and out, in step with the pause page's (both follow the clock). */
const BREATH_MS = 8000;

const HEADING: Record<string, string> = {
  display: 'block',
  margin: '15px 0 0',
  'max-width': '32ch',
  'font-size': 'clamp(22.5px, 3.5vw, 33px)',
  'font-weight': '600',
};

/**
 * The page's root while the pause is up. The root's scrollbar gutter is taken
 * from the viewport, and Firefox lays fixed boxes out in what is left, top-layer
 * ones (our dialog) included: https://github.com/w3c/csswg-drafts/issues/14314
 * (from https://bugzilla.mozilla.org/show_bug.cgi?id=2061066); Chromium 156
 * does the same for our cover when it draws classic scrollbars. The page then
 * showed in the scrollbar's strip and the card sat half a scrollbar off
 * centre. With no scrollbar and no gutter on the root, the cover spans the
 * window, and the page cannot scroll behind it.
 */
const PAGE_ROOT: Record<string, string> = {
  'overflow-x': 'hidden',
  'overflow-y': 'hidden',
  'scrollbar-gutter': 'auto',
};

/** A page that keeps removing the cover is answered on a timer rather than at once, so the two never lock the page up. */
const CHURN_LIMIT = 20;
const CHURN_WINDOW_MS = 1000;
const CHURN_DELAY_MS = 50;

/** The host element's tag: a newer guard in the page finds an earlier one's cover by it. */
export const COVER_TAG = 'pause-moment';

/** Whether an earlier guard's cover is in the page (one from before an update or a second injection). */
export function hasEarlierCover(doc: Document): boolean {
  return doc.getElementsByTagName(COVER_TAG).length > 0;
}

/** The cover, once created. */
export interface PauseOverlay {
  /**
   * Covers the page at once; with a URL, paints the breath and `question`
   * (none if empty) and loads the pause page over them.
   */
  show(frameUrl?: string, question?: string): void;
  /** Paints the breath and `question` (none if empty) on the cover now, before the pause page is known. */
  paint(question: string): void;
  /** Removes the cover and the pause page. */
  hide(): void;
  readonly showing: boolean;
  /** Stops guarding and removes everything. */
  destroy(): void;
  /**
   * Stops guarding but leaves a covering cover in place, without its pause
   * page, for `afterMs`: a newer guard (after an update, or a second
   * injection) takes the page over without a pixel of it showing, and if
   * none comes (the extension was disabled or removed) the cover then goes.
   */
  retire(afterMs: number): void;
}

/**
 * Creates the cover for `doc`. The host is put back when the page removes
 * it, alternating between `<html>` and `<body>` so a page that sweeps one of
 * them does not win (each re-insertion reloads the pause page, which picks up
 * where it was: its wait counts from when the pause first showed).
 */
export function createPauseOverlay(doc: Document): PauseOverlay {
  const host = doc.createElement(COVER_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const dialog = doc.createElement('dialog');
  dialog.setAttribute('aria-label', 'Pause Moment');
  setImportantStyles(dialog, COVER);
  root.appendChild(dialog);
  setImportantStyles(host, COVER);
  const hostStyle = host.getAttribute('style');
  // The pause page says all this to a screen reader once it is up.
  const card = doc.createElement('div');
  card.setAttribute('aria-hidden', 'true');
  card.lang = uiLanguage();
  setImportantStyles(card, CARD);
  const breath = card.appendChild(doc.createElement('div'));
  setImportantStyles(breath, BREATH);
  const heading = card.appendChild(doc.createElement('div'));
  setImportantStyles(heading, HEADING);
  let frame: HTMLIFrameElement | undefined;
  let showing = false;
  let destroyed = false;
  let placement = 0;
  let removals: number[] = [];
  let retry: ReturnType<typeof setTimeout> | undefined;
  /** The page's root we styled, and its own inline values of those styles, given back when the cover goes. */
  let heldRoot: { html: HTMLElement; hadStyle: boolean; own: Record<string, [value: string, priority: string]>; afterEarlier: boolean } | undefined;

  /** Takes the root's scrollbar away; a value the page sets there meanwhile is kept for later. */
  function holdRoot(): void {
    const html = doc.documentElement;
    if (!showing || !html) return;
    if (html !== heldRoot?.html) {
      releaseRoot();
      // An earlier cover still in the page (after an update Firefox leaves the old
      // version's, with nothing behind it) may hold the root: a value of ours there is
      // its, not the page's, and the page's own is then not known.
      const afterEarlier = [...doc.getElementsByTagName(COVER_TAG)].some((el) => el !== host);
      heldRoot = { html, hadStyle: html.hasAttribute('style'), own: {}, afterEarlier };
    }
    for (const [name, value] of Object.entries(PAGE_ROOT)) {
      const now: [string, string] = [html.style.getPropertyValue(name), html.style.getPropertyPriority(name)];
      const ours = now[0] === value && now[1] === 'important';
      if (!ours || !(name in heldRoot.own)) heldRoot.own[name] = ours && heldRoot.afterEarlier ? ['', ''] : now;
      if (!ours) html.style.setProperty(name, value, 'important');
    }
  }

  function releaseRoot(): void {
    if (!heldRoot) return;
    const { html, hadStyle, own } = heldRoot;
    heldRoot = undefined;
    for (const [name, [value, priority]] of Object.entries(own)) {
      if (value) html.style.setProperty(name, value, priority);
      else html.style.removeProperty(name);
    }
    if (!hadStyle && html.getAttribute('style') === '') html.removeAttribute('style');
  }

  /** Puts the dialog at the top of the top layer, as the modal one. */
  function raise(): void {
    if (!showing || !host.isConnected) return;
    try {
      if (dialog.open) dialog.close();
      dialog.showModal();
    } catch {
      // The document is being replaced; the observers try again.
    }
    frame?.focus();
  }

  function attach(): void {
    if (!showing || host.isConnected) return;
    const now = Date.now();
    removals = [...removals.filter((t) => now - t < CHURN_WINDOW_MS), now];
    if (removals.length > CHURN_LIMIT && !retry) {
      retry = setTimeout(() => {
        retry = undefined;
        removals = [];
        attach();
      }, CHURN_DELAY_MS);
      return;
    }
    const parents = [doc.documentElement, doc.body].filter((p): p is HTMLElement => !!p);
    const parent = parents[placement++ % Math.max(1, parents.length)];
    if (!parent) return;
    parent.appendChild(host);
    holdRoot();
    observe();
    raise();
  }

  // Puts back what the page took away: the host itself, its styles, its attributes.
  const guard = new MutationObserver((records) => {
    if (!showing) return;
    if (records.some((r) => r.target === host && r.type === 'attributes')) {
      if (host.getAttribute('style') !== hostStyle) setImportantStyles(host, COVER);
      for (const name of ['inert', 'hidden', 'popover']) if (host.hasAttribute(name)) host.removeAttribute(name);
    }
    if (records.some((r) => r.target === doc.documentElement && r.type === 'attributes')) holdRoot();
    if (!host.isConnected) attach();
    else observe();
  });
  // A page dialog opened with showModal() would sit above the pause and make it inert.
  const dialogs = new MutationObserver(() => raise());

  function observe(): void {
    guard.disconnect();
    dialogs.disconnect();
    guard.observe(doc, { childList: true });
    guard.observe(host, { attributes: true });
    // One registration per node: <html> is watched below, for its children and its style.
    if (host.parentNode && host.parentNode !== doc.documentElement) guard.observe(host.parentNode, { childList: true });
    if (doc.documentElement) {
      guard.observe(doc.documentElement, { childList: true, attributes: true, attributeFilter: ['style'] });
      dialogs.observe(doc.documentElement, { subtree: true, attributes: true, attributeFilter: ['open'] });
    }
  }

  const onToggle = (event: Event): void => {
    if (showing && (event as ToggleEvent).newState === 'open') queueMicrotask(raise);
  };
  const onFullscreen = (): void => {
    if (showing && doc.fullscreenElement) void doc.exitFullscreen().catch(() => undefined).then(raise);
  };
  // Media keeps playing behind an opaque cover; a pause should be quiet.
  const onPlay = (event: Event): void => {
    if (showing && event.target instanceof HTMLMediaElement) event.target.pause();
  };
  // Esc outside the pause page would cancel the dialog: the pause only ends by a choice.
  const onCancel = (event: Event): void => event.preventDefault();
  const onClose = (): void => {
    if (showing && !dialog.open) queueMicrotask(raise);
  };
  doc.addEventListener('toggle', onToggle, true);
  doc.addEventListener('fullscreenchange', onFullscreen, true);
  doc.addEventListener('play', onPlay, true);
  dialog.addEventListener('cancel', onCancel);
  dialog.addEventListener('close', onClose);

  /** Removes covers an earlier guard left, once this one covers or has decided not to. */
  function removeEarlier(): void {
    for (const el of [...doc.getElementsByTagName(COVER_TAG)]) if (el !== host) el.remove();
  }

  function stopListening(): void {
    destroyed = true;
    clearTimeout(retry);
    retry = undefined;
    guard.disconnect();
    dialogs.disconnect();
    doc.removeEventListener('toggle', onToggle, true);
    doc.removeEventListener('fullscreenchange', onFullscreen, true);
    doc.removeEventListener('play', onPlay, true);
  }

  /** Breathes with the pause page, or keeps still for a person who prefers less motion. */
  function breathe(): void {
    if (breath.getAnimations().length > 0) return;
    if (doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches) return setImportantStyles(breath, { transform: 'scale(0.8)' });
    // The Web Animations API, not a keyframes rule: a page CSP of `style-src 'none'` blocks style sheets,
    // and style-src covers style sheets and style attributes, not animations made from script
    // (https://www.w3.org/TR/CSP3/#directive-style-src).
    const grow = { easing: 'ease-in-out' };
    const animation = breath.animate([{ transform: 'scale(0.6)', ...grow }, { transform: 'scale(1)', ...grow }, { transform: 'scale(0.6)' }], {
      duration: BREATH_MS,
      iterations: Infinity,
    });
    animation.currentTime = Date.now() % BREATH_MS;
  }

  function paintCard(question: string): void {
    // A test build says when the question went onto the cover, for `npm run bench`; a release says nothing to the page.
    if (import.meta.env.PAUSE_MOMENT_TEST && question && !host.dataset.questionAt) host.dataset.questionAt = String(performance.now());
    heading.textContent = question;
    if (card.parentNode !== dialog) dialog.prepend(card);
    breathe();
  }

  function removeFrame(): void {
    frame?.remove();
    frame = undefined;
    card.remove();
  }

  function removeCover(): void {
    removeFrame();
    if (dialog.open) dialog.close();
    host.remove();
    releaseRoot();
  }

  return {
    show(frameUrl, question = '') {
      if (destroyed) return;
      showing = true;
      if (frameUrl && frame?.dataset.src !== frameUrl) {
        frame?.remove();
        paintCard(question);
        frame = doc.createElement('iframe');
        frame.dataset.src = frameUrl;
        setImportantStyles(frame, FRAME);
        frame.setAttribute('title', plainMessage('pause.frameTitle'));
        frame.addEventListener('load', () => frame?.focus());
        frame.src = frameUrl;
        dialog.appendChild(frame);
      }
      if (host.isConnected) {
        holdRoot();
        observe();
      } else attach();
      if (!dialog.open) raise();
      for (const media of doc.querySelectorAll('audio, video')) (media as HTMLMediaElement).pause();
      onFullscreen();
      // At document_start there may be no <html> yet: attach as soon as there is.
      if (!host.isConnected) guard.observe(doc, { childList: true });
      removeEarlier();
    },
    paint(question) {
      if (showing) paintCard(question);
    },
    hide() {
      showing = false;
      clearTimeout(retry);
      retry = undefined;
      guard.disconnect();
      dialogs.disconnect();
      removeCover();
      removeEarlier();
    },
    get showing() {
      return showing;
    },
    destroy() {
      showing = false;
      stopListening();
      removeCover();
    },
    retire(afterMs) {
      const covering = showing && host.isConnected;
      showing = false;
      stopListening();
      if (!covering) return removeCover();
      // Its pause page belongs to the extension as it was: it may be gone with it.
      removeFrame();
      setTimeout(removeCover, afterMs);
    },
  };
}
