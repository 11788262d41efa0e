import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageFrom, messagesOf } from './messages';

const german = getMessageFrom(await messagesOf('de'));

/** Runs `run` as in a German browser: the messages from locales/de.yml, and `de` as the UI language. */
export function inGerman<T>(run: () => T): T {
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  const before = { getMessage: i18n.getMessage, getUILanguage: i18n.getUILanguage };
  i18n.getMessage = (key: string, substitutions?: string | string[]) => (key === '@@ui_locale' ? 'de' : german(key, substitutions));
  i18n.getUILanguage = () => 'de';
  try {
    return run();
  } finally {
    Object.assign(i18n, before);
  }
}
