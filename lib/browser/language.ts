import { i18n } from '#i18n';

/**
 * The language the extension speaks, as a BCP 47 tag for `lang` attributes
 * and `Intl`: the browser's UI language, which `browser.i18n` picks the
 * messages by (an English browser gets `en-US`, a German one `de`).
 */
export function uiLanguage(): string {
  return i18n.t('@@ui_locale').replace('_', '-') || 'en';
}
