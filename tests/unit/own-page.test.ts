import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isOwnPage } from '@/lib/browser/own-page';

describe('a sender that is our own framed page', () => {
  it('is known by the session’s dynamic address and by the extension’s own, and nothing else', () => {
    // Chromium gives a use_dynamic_url page's dynamic address from getURL; the framed document reports the fixed origin.
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `chrome-extension://dynamic-guid${path}`);
    const own = `${location.origin}/pause.html`;
    expect(isOwnPage(`${own}?site=x`, '/pause.html')).toBe(true);
    expect(isOwnPage('chrome-extension://dynamic-guid/pause.html?site=x', '/pause.html')).toBe(true);
    expect(isOwnPage(`${own}?site=x`, '/check-in.html')).toBe(false);
    expect(isOwnPage(`${location.origin}/pause.html.evil`, '/pause.html')).toBe(false);
    expect(isOwnPage('https://example.com/pause.html', '/pause.html')).toBe(false);
    expect(isOwnPage(undefined, '/pause.html')).toBe(false);
  });
});
