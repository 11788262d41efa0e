import { i18n } from '#i18n';
import { parse } from 'tldts';

/**
 * Whether `host` is itself a public suffix: an ending under which anyone can
 * have a site (`co.uk`, `com.au`, `github.io`, `blogspot.com`), from the
 * Public Suffix List as the `tldts` library carries it, private endings
 * included. Pausing one would pause thousands of unrelated sites. IP
 * addresses, localhost and intranet names are no suffix. Used by the pages
 * where sites are typed, never by a content script.
 */
export function isPublicSuffix(host: string): boolean {
  const info = parse(host, { allowPrivateDomains: true });
  return !info.isIp && info.domain === null && (info.isIcann === true || info.isPrivate === true);
}

/** What the options page says when a typed site is a public suffix. */
export function publicSuffixError(host: string): string {
  return i18n.t('options.sites.publicSuffix', { host });
}
