import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startMeetingGuard } from '@/lib/meeting-guard';
import type { ChipPosition } from '@/lib/meeting-overlay';
import { adapterFor, isPlatformId } from '@/lib/meetings/platforms';
import { meetingTabMessaging } from '@/lib/messages';
import { meetingIdOf } from '@/lib/pending-meeting';
import { normaliseSettings } from '@/lib/settings';
import { siteForUrl } from '@/lib/trigger-sites';

const RUNNING = Symbol.for('pause-moment.meeting');

export default defineContentScript({
  // Registered at run time for the user's meeting sites only (lib/registration.ts).
  registration: 'runtime',
  runAt: 'document_end',
  noScriptStartedPostMessage: true,
  async main() {
    const world = globalThis as { [RUNNING]?: () => boolean };
    if (world[RUNNING]?.()) return;
    const isAlive = (): boolean => browser.runtime?.id != null;
    world[RUNNING] = isAlive;
    const readSettings = async () => normaliseSettings((await browser.storage.local.get('settings')).settings);
    const site = siteForUrl(await readSettings(), location.href, 'meeting');
    if (!site) return;
    // A meeting host the user added (not a preset) is read as self-hosted Jitsi Meet.
    const adapter = adapterFor(site.presetId && isPlatformId(site.presetId) ? site.presetId : 'jitsi');
    startMeetingGuard({
      win: window,
      doc: document,
      adapter,
      unmuteCardOn: async () => (await readSettings()).meetings.unmuteCard,
      cardUrl: (params) => `${browser.runtime.getURL('/meeting-card.html')}?${params}`,
      async chipPosition() {
        const { meetingChip } = await browser.storage.local.get('meetingChip');
        const p = meetingChip as ChipPosition | undefined;
        return p && typeof p.x === 'number' && typeof p.y === 'number' ? p : undefined;
      },
      saveChipPosition: (p) => void browser.storage.local.set({ meetingChip: p }),
      onJoined: () =>
        void browser.storage.local.set({ pendingMeeting: { platform: adapter.label, meetingId: meetingIdOf(location.href), joinedAt: Date.now() } }),
      isAlive,
      listen({ open, close }, signal) {
        const offOpen = meetingTabMessaging.onMessage('meetingOpenPause', open);
        const offClose = meetingTabMessaging.onMessage('meetingCloseCard', close);
        signal.addEventListener('abort', () => {
          offOpen();
          offClose();
        });
      },
    });
  },
});
