import { i18n } from '#i18n';
import { EXCEPTIONS } from '../settings/site-options';
import type { TriggerSite } from '../settings/settings';
import { parseSite, sameSiteRule, type SiteRule } from './site-rules';
import { rulesOf } from './trigger-sites';

/**
 * What a person types as an exception of a site ("x.com/messages" for X),
 * checked as the options page checks it as they type: the syntax of a site,
 * and a part of this site that leaves some of it still paused. Matching lives
 * with the sites (`exceptionFor` in trigger-sites.ts), which content scripts
 * load; this file is for the options page only.
 */
export type ExceptionResult = { ok: true; exception: string } | { ok: false; error: string };

/** Whether `path` is `base` or lies under it on a segment boundary ('' is the whole site). */
const pathWithin = (path: string, base: string): boolean => !base || path === base || path.startsWith(`${base}/`);

/** Whether `host` is `base` or, when subdomains count, one of its subdomains. */
const hostWithin = (host: string, base: string, subdomains: boolean): boolean => host === base || (subdomains && host.endsWith(`.${base}`));

const schemesMeet = (a: SiteRule, b: SiteRule): boolean => a.scheme === 'any' || b.scheme === 'any' || a.scheme === b.scheme;

/** Whether some page falls under both the exception and the site's rule. */
function overlaps(exception: SiteRule, rule: SiteRule): boolean {
  const hosts =
    hostWithin(exception.host, rule.host, rule.includeSubdomains) || hostWithin(rule.host, exception.host, exception.includeSubdomains);
  const paths = pathWithin(exception.path, rule.path) || pathWithin(rule.path, exception.path);
  return schemesMeet(exception, rule) && hosts && paths;
}

/** Whether every page of the site's rule falls under the exception. */
function coversAll(exception: SiteRule, rule: SiteRule): boolean {
  return (
    (exception.scheme === 'any' || exception.scheme === rule.scheme) &&
    hostWithin(rule.host, exception.host, exception.includeSubdomains) &&
    pathWithin(rule.path, exception.path)
  );
}

/**
 * Validates what the user typed as a new exception of `site` and returns it
 * as it is kept. Never throws: a problem is a sentence for the field.
 */
export function exceptionFromTyped(site: TriggerSite, input: string): ExceptionResult {
  const example = `${site.patterns[0] ?? 'x.com'}/messages`;
  if (!input.trim()) return { ok: false, error: i18n.t('options.exceptions.type', { site: site.label, example }) };
  const parsed = parseSite(input);
  if (!parsed.ok) return parsed;
  const { rule, display } = parsed;
  const rules = rulesOf(site);
  if (!rules.some((r) => overlaps(rule, r))) {
    return { ok: false, error: i18n.t('options.exceptions.notPart', { exception: display, site: site.label }) };
  }
  if (rules.every((r) => coversAll(rule, r))) {
    return { ok: false, error: i18n.t('options.exceptions.allOf', { exception: display, site: site.label }) };
  }
  const kept = site.exceptions ?? [];
  const same = (text: string): boolean => {
    const p = parseSite(text);
    return p.ok && sameSiteRule(p.rule, rule);
  };
  if (kept.some(same)) {
    return { ok: false, error: i18n.t('options.exceptions.already', { exception: display }) };
  }
  if (kept.length >= EXCEPTIONS.max) return { ok: false, error: i18n.t('options.exceptions.tooMany', { max: EXCEPTIONS.max }) };
  return { ok: true, exception: display };
}
