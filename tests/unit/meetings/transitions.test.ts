import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meetingEvents, type MeetingEvent } from '@/lib/meetings/transitions';
import type { CallPhase, MeetingState, MicState } from '@/lib/meetings/types';

const PHASES: CallPhase[] = ['pre-join', 'in-call', 'left', 'unknown'];
const MICS: MicState[] = ['muted', 'unmuted', 'unknown'];
const S = (phase: CallPhase, mic: MicState = 'unknown'): MeetingState => ({ phase, mic });
const state = fc.record({ phase: fc.constantFrom(...PHASES), mic: fc.constantFrom(...MICS) });

describe('meetingEvents', () => {
  it.each<[string, MeetingState, MeetingState, MeetingEvent[]]>([
    ['muted → unmuted', S('in-call', 'muted'), S('in-call', 'unmuted'), ['unmuted']],
    ['unknown → unmuted says nothing (we could not tell before)', S('in-call', 'unknown'), S('in-call', 'unmuted'), []],
    ['unmuted → muted says nothing', S('in-call', 'unmuted'), S('in-call', 'muted'), []],
    ['muted → unknown says nothing', S('in-call', 'muted'), S('in-call', 'unknown'), []],
    ['unmuted in the lobby', S('pre-join', 'muted'), S('pre-join', 'unmuted'), ['unmuted']],
    ['in-call → left', S('in-call', 'muted'), S('left'), ['left']],
    ['in-call → unknown is not leaving', S('in-call', 'muted'), S('unknown'), []],
    ['unknown → left is not leaving (we never saw the call)', S('unknown'), S('left'), []],
    ['pre-join → left (cancelled before joining) is not leaving', S('pre-join'), S('left'), []],
    ['unknown → pre-join', S('unknown'), S('pre-join', 'muted'), ['pre-join']],
    ['left → pre-join', S('left'), S('pre-join'), ['pre-join']],
    ['in-call → pre-join', S('in-call'), S('pre-join'), ['pre-join']],
    ['pre-join → pre-join only once', S('pre-join', 'muted'), S('pre-join', 'muted'), []],
    ['pre-join → in-call', S('pre-join', 'muted'), S('in-call', 'muted'), ['joined']],
    ['unknown → in-call', S('unknown'), S('in-call', 'muted'), ['joined']],
    ['left → in-call (rejoin)', S('left'), S('in-call', 'muted'), ['joined']],
    ['in-call → in-call', S('in-call', 'muted'), S('in-call', 'muted'), []],
    ['joined unmuted from a muted lobby', S('pre-join', 'muted'), S('in-call', 'unmuted'), ['joined', 'unmuted']],
    ['joined unmuted from an unknown mic', S('pre-join', 'unknown'), S('in-call', 'unmuted'), ['joined']],
  ])('%s', (_name, prev, next, events) => {
    expect(meetingEvents(prev, next)).toEqual(events);
  });

  it("never emits 'unmuted' unless the mic went from muted to unmuted", () => {
    fc.assert(
      fc.property(state, state, (prev, next) => {
        const unmuted = meetingEvents(prev, next).includes('unmuted');
        expect(unmuted).toBe(prev.mic === 'muted' && next.mic === 'unmuted');
      }),
    );
  });

  it('gives at most one phase event, matching the new phase, and nothing when nothing changed', () => {
    fc.assert(
      fc.property(state, state, (prev, next) => {
        const events = meetingEvents(prev, next);
        const phaseEvents = events.filter((e) => e !== 'unmuted');
        expect(phaseEvents.length).toBeLessThanOrEqual(1);
        if (phaseEvents[0] === 'joined') expect(next.phase).toBe('in-call');
        if (phaseEvents[0] === 'pre-join') expect(next.phase).toBe('pre-join');
        if (phaseEvents[0] === 'left') expect([prev.phase, next.phase]).toEqual(['in-call', 'left']);
        if (events.includes('unmuted')) expect(events.at(-1)).toBe('unmuted');
        expect(meetingEvents(next, next)).toEqual([]);
      }),
    );
  });

  it('does not change its arguments', () => {
    fc.assert(
      fc.property(state, state, (prev, next) => {
        const before = JSON.stringify([prev, next]);
        meetingEvents(prev, next);
        expect(JSON.stringify([prev, next])).toBe(before);
      }),
    );
  });
});
