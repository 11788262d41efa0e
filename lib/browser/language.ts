import { plainMessage } from './plain-message';

/**
 * The language the extension speaks, as a BCP 47 tag for `lang` attributes
 * and `Intl`: the browser's UI language, which `browser.i18n` picks the
 * messages by (an English browser gets `en-US`, a German one `de`).
 */
export function uiLanguage(): string {
  return plainMessage('@@ui_locale').replace('_', '-') || 'en';
}
