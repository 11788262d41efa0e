import { describe, expect, it } from 'vitest';
import { onDecisions, publishDecision } from '@/lib/pause/decision-bus';
import type { PauseDecision } from '@/lib/pause/decision';

const none = { kind: 'none' } as unknown as PauseDecision;
const open = { kind: 'open', until: 1 } as unknown as PauseDecision;

describe('the guard’s decisions, passed to the check-in script', () => {
  it('gives a script that loads later the decision already made, then each new one, until it ends', () => {
    publishDecision(none);
    const heard: PauseDecision[] = [];
    const life = new AbortController();
    onDecisions((d) => heard.push(d), life.signal);
    publishDecision(open);
    life.abort();
    publishDecision(none);
    expect(heard).toEqual([none, open]);
  });
});
