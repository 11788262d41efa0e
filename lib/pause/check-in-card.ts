import { setImportantStyles } from '../browser/css';

/** The check-in's element in the page (its shadow root is closed). */
export const CHECK_IN_TAG = 'pause-moment-check-in';

/**
 * The check-in card at the page's bottom corner: an iframe of our own page
 * in a closed shadow root, so the page can neither read what is typed in it
 * nor press its buttons. It is not modal and covers only its own box; it
 * never takes focus (the frame is only focused when the user moves into it),
 * so typing on the page goes on undisturbed.
 */
export function createCheckInCard(doc: Document): { show(url: string): void; hide(): void; readonly showing: boolean } {
  // An earlier run's card (the extension updated under the page) has nothing behind it any more.
  for (const old of [...doc.getElementsByTagName(CHECK_IN_TAG)]) old.remove();
  let host: HTMLElement | undefined;
  return {
    show(url) {
      if (host) return;
      host = doc.createElement(CHECK_IN_TAG);
      const frame = doc.createElement('iframe');
      frame.title = 'Pause Moment check-in';
      frame.src = url;
      setImportantStyles(frame, { display: 'block', width: '100%', height: '100%', border: '0' });
      host.attachShadow({ mode: 'closed' }).append(frame);
      setImportantStyles(host, {
        display: 'block',
        position: 'fixed',
        right: '16px',
        bottom: '16px',
        width: 'min(360px, calc(100vw - 32px))',
        height: '184px',
        'z-index': '2147483646',
        'border-radius': '14px',
        'box-shadow': '0 8px 30px #0004',
        overflow: 'hidden',
      });
      (doc.body ?? doc.documentElement).append(host);
    },
    hide() {
      host?.remove();
      host = undefined;
    },
    get showing() {
      return !!host;
    },
  };
}
