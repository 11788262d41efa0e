import { browser } from 'wxt/browser';
import { settingsItem } from '@/lib/settings/storage-registry';
import { defineBackground } from 'wxt/utils/define-background';
import { browserScripting } from '@/lib/browser/ports';
import { messaging } from '@/lib/browser/messages';
import { handleMeetingCardClose, handleMeetingCardHeight, handleMeetingNote, handlePauseShortcut } from '@/lib/meetings/actions';
import { handlePauseContinue, handlePauseLeave, handlePauseNote, handlePauseShown, handleOpenTimeAlarm } from '@/lib/pause/actions';
import { countReflections } from '@/lib/journal/store';
import { reconcileRegistration } from '@/lib/sites/registration';
import { getSettings } from '@/lib/settings/store';
import { siteIdOfAlarm } from '@/lib/pause/open-time';
import { PAUSE_COMMAND } from '@/lib/meetings/command';

function reconcile(): void {
  void getSettings()
    .then((settings) => reconcileRegistration(browserScripting, settings))
    .catch((error) => console.error('Pause Moment: could not register the pause', error));
}

export default defineBackground({
  type: 'module',
  main() {
    // Every listener is registered synchronously so a sleeping worker wakes for it.
    browser.runtime.onInstalled.addListener(() => {
      void settingsItem.migrate().finally(reconcile);
      // Upgrade the journal (building its word index) now, not when the popup first opens.
      void countReflections().catch((error) => console.error('Pause Moment could not open the journal', error));
    });
    browser.runtime.onStartup.addListener(reconcile);
    settingsItem.watch(reconcile);
    browser.permissions.onAdded.addListener(reconcile);
    browser.permissions.onRemoved.addListener(reconcile);
    browser.alarms.onAlarm.addListener((alarm) => {
      const siteId = siteIdOfAlarm(alarm.name);
      if (siteId) void handleOpenTimeAlarm(siteId);
    });
    messaging.onMessage('pauseShown', ({ data, sender }) => handlePauseShown(data, sender));
    messaging.onMessage('pauseLeave', ({ data, sender }) => handlePauseLeave(data, sender));
    messaging.onMessage('pauseContinue', ({ data, sender }) => handlePauseContinue(data, sender));
    messaging.onMessage('pauseNote', ({ data, sender }) => handlePauseNote(data, sender));
    messaging.onMessage('meetingNote', ({ data, sender }) => handleMeetingNote(data, sender));
    messaging.onMessage('meetingCardClose', ({ data, sender }) => handleMeetingCardClose(data, sender));
    messaging.onMessage('meetingCardHeight', ({ data, sender }) => handleMeetingCardHeight(data, sender));
    browser.commands.onCommand.addListener((command) => {
      if (command === PAUSE_COMMAND) void handlePauseShortcut();
    });
  },
});
