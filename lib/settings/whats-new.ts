import { i18n } from '#i18n';
import { whatsNewItem, type WhatsNew } from './storage-registry';

/**
 * This version's news, said in one line in the popup after an update
 * ("New in 0.2.0: …"). An update shows nothing else: no tab, no tour.
 */
export function whatsNewNote(): string {
  return i18n.t('popup.whatsNewNote');
}

/** The version whose news the popup still tells of, or null once dismissed (or never updated). */
export async function readWhatsNew(): Promise<WhatsNew | null> {
  const stored = await whatsNewItem.getValue();
  return stored && typeof stored.version === 'string' && stored.version ? { version: stored.version } : null;
}

/** The popup tells of `version`'s news until the user dismisses it. */
export function announceVersion(version: string): Promise<void> {
  return whatsNewItem.setValue({ version });
}

/** The user read the line: it goes. */
export function dismissWhatsNew(): Promise<void> {
  return whatsNewItem.setValue(null);
}
