import { parse } from 'tldts';
import type { TriggerSite } from '../settings/settings';
import { rulesOf } from '../sites/trigger-sites';

/** A #tag as the journal keeps it (`journal/reflection.ts`): letters, marks, digits, _ and -, up to 40. */
const TAG = /^[\p{L}\p{M}\p{N}_-]{1,40}$/u;

const asTag = (text: string): string | undefined => {
  const tag = text.replace(/\s+/g, '').toLowerCase().normalize('NFC');
  return TAG.test(tag) ? tag : undefined;
};

/**
 * The #tags that name a site in the journal, without the '#': its label
 * ("Reddit": reddit, "YouTube Shorts": youtubeshorts) and the name of each of
 * its hosts without the ending (reddit.com: reddit; a one-word intranet host
 * as it is). Used by the background only: it reads the Public Suffix List.
 */
export function siteTags(site: TriggerSite): string[] {
  const names = [site.label];
  for (const rule of rulesOf(site)) {
    const info = parse(rule.host, { allowPrivateDomains: true });
    if (info.isIp) continue;
    names.push(info.domainWithoutSuffix || (rule.host.includes('.') ? '' : rule.host));
  }
  return [...new Set(names.map(asTag).filter((t): t is string => !!t))];
}
