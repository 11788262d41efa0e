import { browser } from 'wxt/browser';

/**
 * A message without holes or plurals, straight from the browser's catalogue
 * (`pause.question` is `pause_question` there): what the feed pause's script
 * paints before the page does, without the i18n library, so it stays small.
 */
export function plainMessage(key: 'pause.question' | 'pause.frameTitle' | '@@ui_locale'): string {
  // Typed names cover only the built-in `@@` messages; ours are built from locales/ by the i18n module.
  const catalogue: { getMessage(name: string): string } = browser.i18n;
  return catalogue.getMessage(key.replace('.', '_'));
}
