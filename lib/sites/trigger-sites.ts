import type { Preset } from './presets';
import { WAIT_SECONDS, OPEN_MINUTES, type Settings, type SiteKind, type TriggerSite } from '../settings/settings';
import { matchPatternsFor, readSite, rulesIn, urlMatchesSite, type SiteRule } from './site-syntax';

/** The rules a trigger site pauses on, with its subdomain toggle applied. */
export function rulesOf(site: TriggerSite): SiteRule[] {
  const rules = rulesIn(site.patterns);
  return site.exactHost ? rules.map((rule) => ({ ...rule, includeSubdomains: false })) : rules;
}

/** Whether the subdomains toggle means anything for this site (not for IP addresses or localhost). */
export function hasSubdomainChoice(site: TriggerSite): boolean {
  return rulesIn(site.patterns).some((rule) => rule.includeSubdomains);
}

/** Host match patterns a trigger site needs, both for permission and for registration. */
export function originsOf(site: TriggerSite): string[] {
  return [...new Set(rulesOf(site).flatMap(matchPatternsFor))];
}

/** Whether one of the site's own rules covers `url`, exceptions aside. */
export function siteCovers(site: TriggerSite, url: string | URL): boolean {
  return rulesOf(site).some((rule) => urlMatchesSite(rule, url));
}

/**
 * The site's exception that covers `url`, as stored (e.g. "x.com/messages"),
 * if any. An exception matches as a site does: its subdomains, and its path
 * on a segment boundary. One that cannot be read matches nothing.
 */
export function exceptionFor(site: TriggerSite, url: string | URL): string | undefined {
  return site.exceptions?.find((text) => {
    const read = readSite(text);
    return read.ok && urlMatchesSite(read.rule, url);
  });
}

/** The enabled trigger site of this kind that covers `url` and does not leave it out, if any. First match wins. */
export function siteForUrl(settings: Settings, url: string, kind: SiteKind = 'feed'): TriggerSite | undefined {
  return settings.sites.find((site) => site.enabled && site.kind === kind && siteCovers(site, url) && !exceptionFor(site, url));
}

/** A new trigger site with the default wait and window. */
export function newSite(id: string, label: string, patterns: string[], kind: SiteKind, presetId?: string): TriggerSite {
  return {
    id,
    label,
    patterns,
    enabled: true,
    waitSeconds: WAIT_SECONDS.default,
    windowMinutes: OPEN_MINUTES.default,
    ...(presetId ? { presetId } : {}),
    kind,
  };
}

/** The trigger site a preset turns into when switched on. */
export function siteFromPreset(preset: Pick<Preset, 'id' | 'label' | 'sites'>, kind: SiteKind = 'feed'): TriggerSite {
  return newSite(preset.id, preset.label, [...preset.sites], kind, preset.id);
}

/** Settings with `site` added, or replaced when one with the same id exists. */
export function withSite(settings: Settings, site: TriggerSite): Settings {
  const others = settings.sites.filter((s) => s.id !== site.id);
  const index = settings.sites.findIndex((s) => s.id === site.id);
  const sites = [...others];
  sites.splice(index === -1 ? sites.length : index, 0, site);
  return { ...settings, sites };
}

/** Settings without the site `id`. */
export function withoutSite(settings: Settings, id: string): Settings {
  return { ...settings, sites: settings.sites.filter((s) => s.id !== id) };
}

/** Settings with the site `id` changed by `patch`. */
export function withSiteChanged(settings: Settings, id: string, patch: Partial<Omit<TriggerSite, 'id'>>): Settings {
  return { ...settings, sites: settings.sites.map((s) => (s.id === id ? { ...s, ...patch } : s)) };
}
