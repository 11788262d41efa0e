import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { uiLanguage } from '../browser/language';
import { snoozeEndText, snoozeScopeText, type Snooze } from './snooze';

/**
 * The toolbar icon while pauses are snoozed: a badge seen at a glance, and a
 * title that says it in words (what a screen reader reads for the button).
 */
export const SNOOZE_BADGE = {
  text: 'Zz',
  /** White text on it is well over 4.5:1. */
  color: '#4b3f7a',
  textColor: '#ffffff',
} as const;

/** The toolbar button's name when nothing is snoozed: the manifest's own. */
export const DEFAULT_TITLE = 'Pause Moment';

/** The toolbar button's name while `snooze` is on. */
export function snoozeTitle(snooze: Snooze, now: number, locale?: string): string {
  return i18n.t('popup.snoozeTitle', { name: DEFAULT_TITLE, scope: snoozeScopeText(snooze), end: snoozeEndText(snooze.until, now, locale) });
}

/** Shows on the toolbar icon that `snooze` is on. */
export async function showSnoozeBadge(snooze: Snooze, now: number): Promise<void> {
  await Promise.all([
    browser.action.setBadgeBackgroundColor({ color: SNOOZE_BADGE.color }),
    // Older browsers choose the badge's text colour themselves.
    browser.action.setBadgeTextColor?.({ color: SNOOZE_BADGE.textColor }),
    browser.action.setBadgeText({ text: SNOOZE_BADGE.text }),
    browser.action.setTitle({ title: snoozeTitle(snooze, now, uiLanguage()) }),
  ]);
}

/** Takes the snooze off the toolbar icon. */
export async function clearSnoozeBadge(): Promise<void> {
  await Promise.all([browser.action.setBadgeText({ text: '' }), browser.action.setTitle({ title: DEFAULT_TITLE })]);
}
