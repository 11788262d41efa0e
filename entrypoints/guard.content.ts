import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPauseGuard } from '@/lib/pause/guard';
import { normaliseSettings } from '@/lib/settings/settings';
import { normaliseWindows } from '@/lib/pause/open-time';

/** Marks this isolated world as guarded, so a second injection into the same page does nothing. */
const RUNNING = Symbol.for('pause-moment.guard');

export default defineContentScript({
  // Registered at run time for the user's chosen sites only (lib/sites/registration.ts).
  registration: 'runtime',
  runAt: 'document_start',
  // The page could forge WXT's start-up message; we do not announce ourselves to it.
  noScriptStartedPostMessage: true,
  main() {
    const world = globalThis as { [RUNNING]?: () => boolean };
    if (world[RUNNING]?.()) return;
    const isAlive = (): boolean => browser.runtime?.id != null;
    world[RUNNING] = isAlive;
    startPauseGuard({
      win: window,
      doc: document,
      async readState() {
        const { settings, windows } = await browser.storage.local.get(['settings', 'windows']);
        return { settings: normaliseSettings(settings), windows: normaliseWindows(windows) };
      },
      onStateChange(callback, signal) {
        const listener = (changes: Record<string, unknown>, area: string): void => {
          if (area === 'local' && ('settings' in changes || 'windows' in changes)) callback();
        };
        browser.storage.onChanged.addListener(listener);
        signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
      },
      pauseUrl: (params) => `${browser.runtime.getURL('/pause.html')}?${params}`,
      now: Date.now,
      isAlive,
    });
  },
});
