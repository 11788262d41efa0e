import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isLeftAddress, LEAVE_PRESS_WINDOW_MS, phaseAfterRead, phaseOf, type PhaseSigns } from '@/lib/meetings/phase';
import type { CallPhase } from '@/lib/meetings/types';

const signs = (left: boolean, preJoin: boolean, inCall: boolean): PhaseSigns => ({ left, preJoin, inCall });

describe('phaseOf', () => {
  it.each<[string, PhaseSigns, CallPhase]>([
    ['nothing', signs(false, false, false), 'unknown'],
    ['only the call', signs(false, false, true), 'in-call'],
    ['only pre-join', signs(false, true, false), 'pre-join'],
    ['a waiting room that already shows the call controls', signs(false, true, true), 'pre-join'],
    ['an end screen over the call layout left behind', signs(true, false, true), 'left'],
    ['an end screen with a Rejoin-style pre-join marker', signs(true, true, false), 'left'],
    ['everything at once', signs(true, true, true), 'left'],
  ])('%s → %s', (_name, given, phase) => {
    expect(phaseOf(given)).toBe(phase);
  });

  it('asks no further than it needs to', () => {
    const asked: string[] = [];
    const lazy = (name: keyof PhaseSigns, value: boolean) => () => (asked.push(name), value);
    const left = lazy('left', true);
    phaseOf({ get left() { return left(); }, get preJoin() { return lazy('preJoin', true)(); }, get inCall() { return lazy('inCall', true)(); } });
    expect(asked).toEqual(['left']);
  });
});

describe('isLeftAddress', () => {
  const JITSI = ['/', '/static/close.html', '/static/close2.html', '/static/close3.html'];
  it.each<[string, readonly string[], boolean]>([
    ['https://meet.jit.si/static/close2.html', JITSI, true],
    ['https://meet.example.org/static/close3.html?guest=true', JITSI, true],
    ['https://meet.jit.si/', JITSI, true],
    ['https://meet.jit.si/PauseMomentStandup', JITSI, false],
    ['https://meet.jit.si/static/close2.html.evil', JITSI, false],
    ['https://meet.jit.si/static/', JITSI, false],
    ['https://app.zoom.us/wc/leave', ['app.zoom.us/wc/leave'], true],
    ['https://app.zoom.us/wc/leave/feedback', ['app.zoom.us/wc/leave'], true],
    ['https://app.zoom.us/wc/123/join', ['app.zoom.us/wc/leave'], false],
    ['https://app.zoom.us/wc/leaveX', ['app.zoom.us/wc/leave'], false],
    ['not a url', JITSI, false],
    ['https://meet.jit.si/static/close2.html', [], false],
  ])('%s with %o → %s', (url, entries, left) => {
    expect(isLeftAddress(url, entries)).toBe(left);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), fc.array(fc.string()), (url, entries) => typeof isLeftAddress(url, entries) === 'boolean'));
  });
});

describe('phaseAfterRead', () => {
  const W = LEAVE_PRESS_WINDOW_MS;
  it.each<[string, CallPhase, CallPhase, number | undefined, CallPhase]>([
    ['the call cleared away just after pressing leave', 'unknown', 'in-call', 1500, 'left'],
    ['at the edge of the window', 'unknown', 'in-call', W, 'left'],
    ['long after pressing leave it is a re-render', 'unknown', 'in-call', W + 1, 'unknown'],
    ['without a press it is a re-render', 'unknown', 'in-call', undefined, 'unknown'],
    ['a press from the future (clock change) says nothing', 'unknown', 'in-call', -5, 'unknown'],
    ['from pre-join, pressing leave is cancelling, not leaving a call', 'unknown', 'pre-join', 1000, 'unknown'],
    ['a page that still shows the call stays in it (a confirm dialog)', 'in-call', 'in-call', 1000, 'in-call'],
    ['an end screen is an end screen', 'left', 'in-call', undefined, 'left'],
    ['pre-join stays pre-join', 'pre-join', 'in-call', 1000, 'pre-join'],
  ])('%s', (_name, read, last, ago, phase) => {
    expect(phaseAfterRead(read, last, ago)).toBe(phase);
  });
});
