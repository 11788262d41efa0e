import { browser } from 'wxt/browser';
import type { StorageKey } from './storage-keys';

/**
 * Reads and watches registered keys straight from `browser.storage.local`,
 * without the storage library: the feed pause's content script runs before a
 * page paints and must stay small. Values come raw; callers normalise them,
 * as every reader of storage does.
 */

/** The stored values of `keys`, in one storage call. */
export async function readLocal<K extends StorageKey>(keys: readonly K[]): Promise<Partial<Record<K, unknown>>> {
  return (await browser.storage.local.get([...keys])) as Partial<Record<K, unknown>>;
}

/** Calls back whenever one of `keys` changes, in any tab, until `signal` aborts. */
export function watchLocal(keys: readonly StorageKey[], callback: () => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && keys.some((k) => k in changes)) callback();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
