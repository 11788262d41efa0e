import { describe, expect, it } from 'vitest';
import { isPublicSuffix } from '@/lib/sites/public-suffix';
import { siteFromTyped } from '@/lib/sites/site-input';
import type { Settings } from '@/lib/settings/settings';

const EMPTY: Settings = { sites: [], meetings: { unmuteCard: false, afterCall: 'some' } };

describe('isPublicSuffix', () => {
  it.each(['com', 'co.uk', 'com.au', 'github.io', 'blogspot.com', 'uk'])('%s is an ending many sites share', (host) => {
    expect(isPublicSuffix(host)).toBe(true);
  });

  it.each(['reddit.com', 'example.co.uk', 'someone.github.io', 'localhost', 'intranet', '127.0.0.1'])('%s is no public suffix', (host) => {
    expect(isPublicSuffix(host)).toBe(false);
  });
});

describe('siteFromTyped', () => {
  it.each(['co.uk', '*.co.uk', 'github.io', 'https://blogspot.com/', 'com.au/news'])('refuses %s with a clear message', (input) => {
    const result = siteFromTyped(EMPTY, input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/is an ending shared by many unrelated sites, so it would pause all of them\. Add the site itself, like example\./);
  });

  it.each([
    ['example.co.uk', 'example.co.uk'],
    ['someone.github.io', 'someone.github.io'],
    ['localhost/feed', 'localhost/feed'],
  ])('accepts %s', (input, label) => {
    const result = siteFromTyped(EMPTY, input);
    expect(result.ok && result.site.label).toBe(label);
  });

  it("keeps siteFromInput's own messages", () => {
    const result = siteFromTyped(EMPTY, 'com');
    expect(!result.ok && result.error).toBe('That would pause every .com site; add the name, like reddit.com.');
  });
});
