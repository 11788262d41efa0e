import { browser } from 'wxt/browser';

/**
 * A message without holes or plurals, straight from the browser's catalogue
 * (`pause.question` is `pause_question` there): what the feed pause's script
 * paints before the page does, without the i18n library, so it stays small.
 */
export function plainMessage(key: 'pause.question' | 'pause.frameTitle' | '@@ui_locale'): string {
  if (key === '@@ui_locale') return browser.i18n.getMessage(key);
  return browser.i18n.getMessage(key.replace('.', '_') as 'pause_question' | 'pause_frameTitle');
}
