import type { Settings, SiteKind } from '../settings/settings';
import { isPublicSuffix, publicSuffixError } from './public-suffix';
import { rulesOf, siteFromInput, type AddSiteResult } from './trigger-sites';

/**
 * What a person typed as a site, checked as the options page checks it as
 * they type: `siteFromInput`'s rules, and no public suffix (`co.uk`,
 * `github.io`). Kept apart from `trigger-sites.ts`, which content scripts
 * load, so the suffix list never reaches a page.
 */
export function siteFromTyped(settings: Settings, input: string, kind: SiteKind = 'feed'): AddSiteResult {
  const result = siteFromInput(settings, input, kind);
  if (!result.ok) return result;
  const shared = rulesOf(result.site).find((rule) => isPublicSuffix(rule.host));
  return shared ? { ok: false, error: publicSuffixError(shared.host) } : result;
}
