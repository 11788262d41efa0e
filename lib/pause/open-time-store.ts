import { storage } from '@wxt-dev/storage';
import type { SiteWindows } from './open-time';

/** Open and recently ended windows. Content scripts read it raw, the background writes it. */
export const windowsItem = storage.defineItem<SiteWindows>('local:windows', { fallback: {} });
