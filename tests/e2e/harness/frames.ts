import type { Frame, Page } from 'puppeteer-core';
import type { Harness } from './browsers.ts';
import { waitFor, type WaitOptions } from './wait.ts';

/** `location.href` of a frame, or '' if it cannot be evaluated within `ms`. */
async function hrefOf(frame: Frame, ms = 1000): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((r) => (timer = setTimeout(() => r(''), ms)));
  const href = frame.evaluate('location.href').then(String, () => '');
  return Promise.race([href, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Frames of `page` (at any depth, closed shadow roots included) whose
 * document is in the extension origin.
 *
 * Chromium: by `frame.url()`. Firefox: `frame.url()` stays `about:blank`
 * for moz-extension documents (BiDi sends them no load events), but the frame
 * can be evaluated in, so each child frame is asked for its `location.href`.
 */
export async function extensionFrames(page: Page, h: Harness): Promise<Frame[]> {
  const prefix = `${h.extensionOrigin}/`;
  const children = page.frames().filter((f) => f !== page.mainFrame());
  if (h.kind === 'chromium') return children.filter((f) => f.url().startsWith(prefix));
  const hrefs = await Promise.all(children.map((f) => hrefOf(f)));
  return children.filter((_, i) => hrefs[i]!.startsWith(prefix));
}

/** Whether any iframe in `page` shows a document of the extension. */
export async function hasExtensionFrame(page: Page, h: Harness): Promise<boolean> {
  return (await extensionFrames(page, h)).length > 0;
}

/** Waits for an extension iframe in `page` (whose URL ends with `path`, if given) and returns it. */
export function waitForExtensionFrame(page: Page, h: Harness, path = '', opts: WaitOptions = {}): Promise<Frame> {
  const wanted = h.extensionUrl(path);
  return waitFor(
    async () => {
      for (const f of await extensionFrames(page, h)) {
        const href = h.kind === 'chromium' ? f.url() : await hrefOf(f);
        if (href.startsWith(wanted)) return f;
      }
      return null;
    },
    { message: `an extension iframe ${wanted}`, ...opts },
  );
}
