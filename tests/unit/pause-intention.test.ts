import { describe, expect, it } from 'vitest';
import { INTENTION_REQUIRED_MIN, intentionModeOf, intentionReady } from '@/lib/pause/intention';

describe('what the pause asks the user came for', () => {
  it('asks, optionally, unless the site says otherwise', () => {
    expect(intentionModeOf(undefined)).toBe('optional');
    expect(intentionModeOf({})).toBe('optional');
    expect(intentionModeOf({ intention: 'required' })).toBe('required');
    expect(intentionModeOf({ intention: 'off' })).toBe('off');
  });

  it.each(['off', 'optional'] as const)('lets Continue go ahead with no answer when the answer is %s', (mode) => {
    expect(intentionReady(mode, '')).toBe(true);
  });

  it(`holds Continue until a required answer has ${INTENTION_REQUIRED_MIN} characters, spaces aside`, () => {
    expect(intentionReady('required', '')).toBe(false);
    expect(intentionReady('required', '  a  ')).toBe(false);
    expect(intentionReady('required', 'ab ')).toBe(false);
    expect(intentionReady('required', ' abc ')).toBe(true);
    expect(intentionReady('required', 'reply to Sam')).toBe(true);
  });
});
