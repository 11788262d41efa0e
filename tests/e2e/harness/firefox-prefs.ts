/**
 * Firefox prefs for the harness, on top of puppeteer's own test defaults
 * (which already silence safe browsing lists, normandy, search updates...).
 *
 * @param uuids add-on id → fixed moz-extension UUID.
 */
export function firefoxPrefs(uuids: Record<string, string>): Record<string, unknown> {
  return {
    // Extensions: fixed UUIDs, MV3 host permissions granted at install
    // (without it permissions.getAll() has no origins). ESR 153 already keeps
    // a temporary add-on's data when it is removed at shutdown; keep* are a
    // safeguard.
    'extensions.webextensions.uuids': JSON.stringify(uuids),
    'extensions.originControls.grantByDefault': true,
    'extensions.webextensions.keepUuidOnUninstall': true,
    'extensions.webextensions.keepStorageOnUninstall': true,
    'extensions.update.enabled': false,
    'extensions.update.autoUpdateDefault': false,
    'extensions.blocklist.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'xpinstall.signatures.required': false,
    // Updates.
    'app.update.enabled': false,
    'app.update.auto': false,
    'app.update.staging.enabled': false,
    'browser.search.update': false,
    // Telemetry and studies.
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'toolkit.telemetry.updatePing.enabled': false,
    'toolkit.telemetry.shutdownPingSender.enabled': false,
    'toolkit.telemetry.firstShutdownPing.enabled': false,
    'toolkit.telemetry.newProfilePing.enabled': false,
    'toolkit.telemetry.bhrPing.enabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'browser.ping-centre.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'browser.topsites.contile.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'browser.discovery.enabled': false,
    // Connectivity, captive portal, DNS/HTTP prefetch, DoH, geo/region.
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'captivedetect.canonicalURL': '',
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.http.speculative-parallel-limit': 0,
    'network.trr.mode': 5,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'geo.provider.network.url': '',
    // Remote settings: release builds ignore this override unless
    // MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 (set by launch); with both, Firefox
    // skips remote settings sync entirely.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    // Safe browsing.
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.passwords.enabled': false,
    'browser.safebrowsing.provider.google.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'media.gmp-manager.updateEnabled': false,
    'media.gmp-gmpopenh264.enabled': false,
    'media.gmp-widevinecdm.enabled': false,
    // Safety net: any HTTP(S) request that is not to loopback goes to a dead
    // proxy (loopback is never proxied unless allow_hijacking_localhost).
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.no_proxies_on': 'localhost, 127.0.0.1, 127.0.0.2',
    'network.proxy.allow_hijacking_localhost': false,
  };
}
