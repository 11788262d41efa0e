import { i18n } from '#i18n';
import type { Settings, SiteKind, TriggerSite } from '../settings/settings';
import { isPublicSuffix, publicSuffixError } from './public-suffix';
import { parseSite, sameSiteRule } from './site-rules';
import { newSite, rulesOf } from './trigger-sites';

/**
 * What a person types as a site, read for the extension's pages, with a
 * sentence in their language for each problem. Kept apart from
 * `trigger-sites.ts`, which content scripts and `wxt.config.ts` load: the
 * suffix list never reaches a page, and the build's config never needs the
 * extension's words (`#i18n`), which it cannot load.
 */

export type AddSiteResult = { ok: true; site: TriggerSite } | { ok: false; error: string };

/**
 * Validates what the user typed into "Add a site" and builds the trigger
 * site for it, without saving. A site already in the list (typed, or part of
 * a preset) is an error that names where it already is.
 */
export function siteFromInput(settings: Settings, input: string, kind: SiteKind = 'feed'): AddSiteResult {
  const parsed = parseSite(input);
  if (!parsed.ok) return parsed;
  for (const existing of settings.sites) {
    if (rulesOf(existing).some((rule) => sameSiteRule(rule, parsed.rule))) {
      const error = existing.presetId
        ? i18n.t('options.sites.inListAs', { site: parsed.display, preset: existing.label })
        : i18n.t('options.sites.inList', { site: parsed.display });
      return { ok: false, error };
    }
  }
  const id = kind === 'meeting' ? `meeting:${parsed.display}` : `site:${parsed.display}`;
  return { ok: true, site: newSite(id, parsed.display, [parsed.display], kind) };
}

/**
 * What a person typed as a site, checked as the options page checks it as
 * they type: `siteFromInput`'s rules, and no public suffix (`co.uk`,
 * `github.io`).
 */
export function siteFromTyped(settings: Settings, input: string, kind: SiteKind = 'feed'): AddSiteResult {
  const result = siteFromInput(settings, input, kind);
  if (!result.ok) return result;
  const shared = rulesOf(result.site).find((rule) => isPublicSuffix(rule.host));
  return shared ? { ok: false, error: publicSuffixError(shared.host) } : result;
}
