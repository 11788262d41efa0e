import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageFrom, messagesOf } from './messages';

// The fake browser has no i18n: components read their words from the English catalogue, as an English browser would.
const english = getMessageFrom(await messagesOf('en'));
const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
i18n.getMessage = english;
i18n.getUILanguage = () => 'en';

beforeEach(() => {
  fakeBrowser.reset();
});
