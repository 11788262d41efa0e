import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startMeetingGuard } from '@/lib/meetings/guard';
import type { ChipPosition } from '@/lib/meetings/overlay';
import { askAfterThisCall } from '@/lib/meetings/after-call';
import { adapterFor, isPlatformId } from '@/lib/meetings/platforms';
import { LAST_CALL_ASKED_KEY, UNREAD_KEY, withUnread, withoutUnread } from '@/lib/meetings/reading';
import { meetingTabMessaging } from '@/lib/browser/messages';
import { isPendingFor, meetingIdOf, normalisePendingMeeting } from '@/lib/meetings/pending-meeting';
import { normaliseSettings } from '@/lib/settings/settings';
import { siteForUrl } from '@/lib/sites/trigger-sites';

const RUNNING = Symbol.for('pause-moment.meeting');

export default defineContentScript({
  // Registered at run time for the user's meeting sites only (lib/sites/registration.ts).
  registration: 'runtime',
  runAt: 'document_end',
  noScriptStartedPostMessage: true,
  async main() {
    const world = globalThis as { [RUNNING]?: () => boolean };
    if (world[RUNNING]?.()) return;
    const isAlive = (): boolean => browser.runtime?.id != null;
    world[RUNNING] = isAlive;
    const local = browser.storage.local;
    const readSettings = async () => normaliseSettings((await local.get('settings')).settings);
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
        const { meetingChip } = await local.get('meetingChip');
        const p = meetingChip as ChipPosition | undefined;
        return p && typeof p.x === 'number' && typeof p.y === 'number' ? p : undefined;
      },
      saveChipPosition: (p) => void local.set({ meetingChip: p }),
      url: () => location.href,
      async callStarted() {
        const [settings, stored] = await Promise.all([readSettings(), local.get(LAST_CALL_ASKED_KEY)]);
        const ask = askAfterThisCall(settings.meetings.afterCall, stored[LAST_CALL_ASKED_KEY] === true);
        await local.set({
          [LAST_CALL_ASKED_KEY]: ask,
          ...(ask ? { pendingMeeting: { platform: adapter.label, meetingId: meetingIdOf(location.href), joinedAt: Date.now() } } : {}),
        });
        return ask;
      },
      async callPending() {
        const { pendingMeeting } = await local.get('pendingMeeting');
        return isPendingFor(normalisePendingMeeting(pendingMeeting), adapter.label, Date.now());
      },
      reportUnread(part) {
        void local.get(UNREAD_KEY).then((stored) => local.set({ [UNREAD_KEY]: withUnread(stored[UNREAD_KEY], adapter.platform, { part, at: Date.now() }) }));
      },
      reportRead() {
        void local.get(UNREAD_KEY).then((stored) => {
          const next = withoutUnread(stored[UNREAD_KEY], adapter.platform);
          if (next) return local.set({ [UNREAD_KEY]: next });
        });
      },
      isAlive,
      listen({ open, close, fit, reading }, signal) {
        const offs = [
          meetingTabMessaging.onMessage('meetingOpenPause', open),
          meetingTabMessaging.onMessage('meetingCloseCard', close),
          meetingTabMessaging.onMessage('meetingFitCard', ({ data }) => fit(data.moment, data.height)),
          meetingTabMessaging.onMessage('meetingReading', reading),
        ];
        signal.addEventListener('abort', () => offs.forEach((off) => off()));
      },
    });
  },
});
