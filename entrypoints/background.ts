import { browser } from 'wxt/browser';
import { settingsItem } from '@/lib/settings/storage-registry';
import { defineBackground } from 'wxt/utils/define-background';
import { browserScripting } from '@/lib/browser/ports';
import { messaging } from '@/lib/browser/messages';
import { handleMeetingCardClose, handleMeetingCardHeight, handleMeetingNote, handlePauseShortcut } from '@/lib/meetings/actions';
import { handlePauseContinue, handlePauseLeave, handlePauseNote, handlePauseShown, handleOpenTimeAlarm } from '@/lib/pause/actions';
import { countReflections } from '@/lib/journal/store';
import { countPauseLog } from '@/lib/pause/log';
import { reconcileRegistration } from '@/lib/sites/registration';
import { getSettings } from '@/lib/settings/store';
import { siteIdOfAlarm } from '@/lib/pause/open-time';
import { PAUSE_COMMAND } from '@/lib/meetings/command';
import { afterInstall } from '@/lib/settings/install';
import { handlePauseSkipped, handleSnoozeEnd, handleSnoozeStart, settleSnooze } from '@/lib/pause/snooze-actions';
import { SNOOZE_ALARM } from '@/lib/pause/snooze';
import { onGuardMessage } from '@/lib/browser/guard-messages';
import { handleCheckInKeepGoing, handleCheckInLeave, handleCheckInNote } from '@/lib/pause/check-in-actions';
import { startSettingsSync } from '@/lib/settings/settings-sync';
import { PAUSE_HINT_ALARM, reconcilePauseHints } from '@/lib/pause/pause-hints';
import { readPauseState, watchPauseState } from '@/lib/pause/state';

function reconcileScripts(): void {
  void getSettings()
    .then((settings) => reconcileRegistration(browserScripting, settings))
    .catch((error) => console.error('Pause Moment: could not register the pause', error));
}

/** The scripts and the hints together: at install and start, and when access changes (which no stored value tells). */
function reconcile(): void {
  reconcileScripts();
  reconcileHints();
}

/** Tells the guard on each site expected to pause to paint it at once, and looks again when that changes by the clock. */
function reconcileHints(): void {
  void readPauseState()
    .then((state) => reconcilePauseHints(browserScripting, state, Date.now()))
    .then(async (at) => {
      if (at === undefined) await browser.alarms.clear(PAUSE_HINT_ALARM);
      else await browser.alarms.create(PAUSE_HINT_ALARM, { when: at + 1000 });
    })
    .catch((error) => console.error('Pause Moment: could not prepare the pause', error));
}

export default defineBackground({
  type: 'module',
  main() {
    // Every listener is registered synchronously so a sleeping worker wakes for it.
    browser.runtime.onInstalled.addListener(() => {
      void settingsItem.migrate().finally(reconcile);
      // Upgrade the journal and the pause history (building the word index and the day roll-ups) now, not when a page first opens them.
      void countReflections().catch((error) => console.error('Pause Moment could not open the journal', error));
      void countPauseLog().catch((error) => console.error('Pause Moment could not open the pause history', error));
    });
    // A fresh install opens the welcome tour; an update leaves one line of news in the popup. A test
    // build never opens the tour by itself: the end-to-end tests install the extension afresh for every
    // test, and a tab of its own would stand in each one's way. welcome.e2e.ts opens the page as a person
    // would, and tests/unit/install.test.ts checks which installs open it (shouldWelcome).
    browser.runtime.onInstalled.addListener((details) => {
      void afterInstall(details, { welcome: !import.meta.env.PAUSE_MOMENT_TEST }).catch((error) =>
        console.error('Pause Moment could not finish installing', error),
      );
    });
    browser.runtime.onStartup.addListener(reconcile);
    // A browser forgets the badge when it quits or the extension updates: show a snooze still on, clear one that ended meanwhile.
    const settle = (): void => void settleSnooze().catch((error) => console.error('Pause Moment could not settle the snooze', error));
    browser.runtime.onStartup.addListener(settle);
    browser.runtime.onInstalled.addListener(settle);
    settingsItem.watch(reconcileScripts);
    // Settings, open times and the snooze change whether a site is expected to pause.
    watchPauseState(reconcileHints, new AbortController().signal);
    // Settings follow the user through the browser's sync storage (never the journal).
    startSettingsSync();
    browser.permissions.onAdded.addListener(reconcile);
    browser.permissions.onRemoved.addListener(reconcile);
    browser.alarms.onAlarm.addListener((alarm) => {
      const siteId = siteIdOfAlarm(alarm.name);
      if (siteId) void handleOpenTimeAlarm(siteId);
      if (alarm.name === SNOOZE_ALARM) void settleSnooze();
      if (alarm.name === PAUSE_HINT_ALARM) reconcileHints();
    });
    messaging.onMessage('pauseShown', ({ data, sender }) => handlePauseShown(data, sender));
    messaging.onMessage('pauseLeave', ({ data, sender }) => handlePauseLeave(data, sender));
    messaging.onMessage('pauseContinue', ({ data, sender }) => handlePauseContinue(data, sender));
    messaging.onMessage('pauseNote', ({ data, sender }) => handlePauseNote(data, sender));
    messaging.onMessage('checkInKeepGoing', ({ data, sender }) => handleCheckInKeepGoing(data, sender));
    messaging.onMessage('checkInLeave', ({ data, sender }) => handleCheckInLeave(data, sender));
    messaging.onMessage('checkInNote', ({ data, sender }) => handleCheckInNote(data, sender));
    messaging.onMessage('meetingNote', ({ data, sender }) => handleMeetingNote(data, sender));
    messaging.onMessage('snoozeStart', ({ data, sender }) => handleSnoozeStart(data, sender));
    messaging.onMessage('snoozeEnd', ({ sender }) => handleSnoozeEnd(sender));
    onGuardMessage((message, sender) => handlePauseSkipped(message.data, sender));
    messaging.onMessage('meetingCardClose', ({ data, sender }) => handleMeetingCardClose(data, sender));
    messaging.onMessage('meetingCardHeight', ({ data, sender }) => handleMeetingCardHeight(data, sender));
    browser.commands.onCommand.addListener((command) => {
      if (command === PAUSE_COMMAND) void handlePauseShortcut();
    });
  },
});
