import { browser } from 'wxt/browser';

type PlainKey = 'pause.question' | 'pause.frameTitle' | '@@ui_locale';

/** The language locales/ falls back to, as the manifest's default_locale says. */
const DEFAULT_LOCALE = 'en';

/**
 * A message without holes or plurals, as the browser's catalogue has it
 * (`pause.question` is `pause_question` there): what the feed pause's script
 * paints before the page does, without the i18n library, so it stays small.
 *
 * In Chromium the words come from a copy of the catalogue's built into the
 * script (wxt.config.ts): the first i18n.getMessage in a page's process sends
 * the browser a synchronous request for the whole catalogue
 * (extensions/renderer/api/i18n_hooks_delegate.cc, GetI18nMessage), about
 * 10 ms before the page can paint, while i18n.getUILanguage answers from the
 * process itself (HandleGetUILanguage). The language is picked the way
 * Chromium picks the catalogue: the UI locale, then its parents, then the
 * default (extensions/common/extension_l10n_util.cc, GetAllFallbackLocales).
 */
export function plainMessage(key: PlainKey): string {
  if (import.meta.env.FIREFOX) return catalogueMessage(key);
  const locale = browser.i18n.getUILanguage().replace(/-/g, '_');
  if (key === '@@ui_locale') return locale;
  const words = wordsFor(locale);
  return key === 'pause.question' ? words.question : words.frameTitle;
}

function catalogueMessage(key: PlainKey): string {
  // Typed names cover only the built-in `@@` messages; ours are built from locales/ by the i18n module.
  const catalogue: { getMessage(name: string): string } = browser.i18n;
  return catalogue.getMessage(key.replace('.', '_'));
}

/** The built-in words for `locale` (`de_AT`, say): its own, its parent's (`de`), or the default's. */
export function wordsFor(locale: string): { question: string; frameTitle: string } {
  const words = __PAUSE_WORDS__;
  const parts = locale.split('_');
  for (let n = parts.length; n > 0; n--) {
    const found = words[parts.slice(0, n).join('_')];
    if (found) return found;
  }
  return words[DEFAULT_LOCALE]!;
}
