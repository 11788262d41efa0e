import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/meetings/platforms';
import { MEETING_SELECTORS } from '@/lib/meetings/selectors';
import type { CallPhase, MeetingState, PlatformId } from '@/lib/meetings/types';
import { FIXTURE_FILES, loadFixture, meetingDocument, runFixtureScript, stripMarker } from './fixtures';

const S = (phase: CallPhase, mic: MeetingState['mic']): MeetingState => ({ phase, mic });

/** Every page fixture (Zoom's frames are read through their shells) and what its adapter must read. */
const EXPECTED: [file: string, state: MeetingState][] = [
  ['meet-pre-join.html', S('pre-join', 'muted')],
  ['meet-in-call-muted.html', S('in-call', 'muted')],
  ['meet-in-call-unmuted.html', S('in-call', 'unmuted')],
  ['meet-in-call-muted.de.html', S('in-call', 'muted')],
  ['meet-left.html', S('left', 'unknown')],
  ['zoom-pre-join.html', S('pre-join', 'muted')],
  ['zoom-in-call-muted.html', S('in-call', 'muted')],
  ['zoom-in-call-unmuted.html', S('in-call', 'unmuted')],
  ['zoom-in-call-with-participants.html', S('in-call', 'unmuted')],
  ['zoom-left.html', S('left', 'unknown')],
  ['teams-pre-join.html', S('pre-join', 'muted')],
  ['teams-in-call-muted.html', S('in-call', 'muted')],
  ['teams-in-call-unmuted.html', S('in-call', 'unmuted')],
  ['teams-left.html', S('left', 'unknown')],
  ['webex-pre-join.html', S('pre-join', 'muted')],
  ['webex-in-call-muted.html', S('in-call', 'muted')],
  ['webex-in-call-unmuted.html', S('in-call', 'unmuted')],
  ['webex-left.html', S('left', 'unknown')],
  ['jitsi-pre-join.html', S('pre-join', 'muted')],
  ['jitsi-in-call-muted.html', S('in-call', 'muted')],
  ['jitsi-in-call-unmuted.html', S('in-call', 'unmuted')],
  ['jitsi-left.html', S('left', 'unknown')],
  ['whereby-pre-join.html', S('pre-join', 'muted')],
  ['whereby-in-call-muted.html', S('in-call', 'muted')],
  ['whereby-in-call-unmuted.html', S('in-call', 'unmuted')],
  ['whereby-left.html', S('left', 'unknown')],
];

const platformOf = (file: string) => file.split('-')[0] as PlatformId;
const read = (file: string, doc = loadFixture(file)) => adapterFor(platformOf(file)).read(doc);
const PHASE_MARKER = { 'pre-join': 'preJoin', 'in-call': 'inCall', left: 'left' } as const;
const IN_CALL = EXPECTED.filter(([, s]) => s.phase === 'in-call').map(([file]) => file);

describe('fixtures', () => {
  it('every page fixture has an expectation, and every Zoom shell a frame', () => {
    const pages = FIXTURE_FILES.filter((f) => !f.startsWith('zoom-frame-'));
    expect(pages.sort()).toEqual(EXPECTED.map(([f]) => f).sort());
    for (const f of FIXTURE_FILES.filter((f) => f.startsWith('zoom-frame-'))) {
      expect(pages).toContain(f.replace('zoom-frame-', 'zoom-'));
    }
  });

  it.each(FIXTURE_FILES)('%s has a title naming platform and state', (file) => {
    const title = loadFixture(file).title;
    const label = file.startsWith('zoom') ? 'Zoom' : adapterFor(platformOf(file)).label;
    expect(title).toContain(label);
    expect(title.length).toBeGreaterThan(label.length + 5);
  });
});

describe('read', () => {
  it.each(EXPECTED)('%s reads %o', (file, state) => {
    expect(read(file)).toEqual(state);
  });

  it.each(EXPECTED.filter(([, s]) => s.phase !== 'unknown'))('%s: without its phase markers the phase is unknown', (file, state) => {
    const doc = loadFixture(file);
    const marker = MEETING_SELECTORS[platformOf(file)][PHASE_MARKER[state.phase as keyof typeof PHASE_MARKER]];
    stripMarker(meetingDocument(doc), marker);
    expect(read(file, doc).phase).toBe('unknown');
  });

  it.each(EXPECTED.filter(([, s]) => s.mic !== 'unknown'))('%s: without the mic toggle the mic is unknown', (file) => {
    const doc = loadFixture(file);
    stripMarker(meetingDocument(doc), { css: MEETING_SELECTORS[platformOf(file)].mic.css });
    expect(read(file, doc).mic).toBe('unknown');
  });

  it.each(IN_CALL)('%s: a mic toggle that no longer says its state reads unknown', (file) => {
    const doc = loadFixture(file);
    const mute = meetingDocument(doc).getElementById('fixture-mute')!;
    for (const name of ['data-is-muted', 'aria-pressed', 'aria-label', 'title', 'data-state', 'data-tooltip']) mute.removeAttribute(name);
    expect(read(file, doc)).toEqual(S('in-call', 'unknown'));
  });

  it.each(['meet', 'zoom', 'teams', 'webex', 'jitsi', 'whereby'] as const)('%s: an unrelated page reads unknown, and so does an empty one', (platform) => {
    const adapter = adapterFor(platform);
    const page = new DOMParser().parseFromString('<title>News</title><h1>Today</h1><button>Mute</button><button>Join</button>', 'text/html');
    expect(adapter.read(page)).toEqual(S('unknown', 'unknown'));
    expect(adapter.read(new DOMParser().parseFromString('', 'text/html'))).toEqual(S('unknown', 'unknown'));
    expect(adapter.controls(page)).toEqual([]);
  });

  it.each(['meet', 'zoom', 'teams', 'webex', 'jitsi', 'whereby'] as const)('%s: never throws, even when the page does', (platform) => {
    const hostile = {
      querySelector() {
        throw new Error('boom');
      },
      querySelectorAll() {
        throw new Error('boom');
      },
    } as unknown as Document;
    expect(adapterFor(platform).read(hostile)).toEqual(S('unknown', 'unknown'));
    expect(adapterFor(platform).controls(hostile)).toEqual([]);
  });
});

describe('Google Meet', () => {
  const meet = adapterFor('meet');

  it('reads the microphone, not the camera, even when the camera comes first', () => {
    const doc = loadFixture('meet-in-call-unmuted.html');
    const camera = doc.getElementById('fixture-camera')!;
    camera.setAttribute('data-is-muted', 'true');
    doc.body.prepend(camera);
    expect(meet.read(doc)).toEqual(S('in-call', 'unmuted'));
  });

  it.each(['meet-in-call-muted.html', 'meet-in-call-muted.de.html'])('%s: finds the call by its leave label when the jsname changes', (file) => {
    const doc = loadFixture(file);
    doc.querySelectorAll('[jsname]').forEach((el) => el.removeAttribute('jsname'));
    expect(meet.read(doc)).toEqual(S('in-call', 'muted'));
  });

  it('finds the German mic by its shortcut even with an unlisted wording', () => {
    const doc = loadFixture('meet-in-call-muted.de.html');
    doc.getElementById('fixture-mute')!.setAttribute('aria-label', 'Ton an (Strg + D)');
    expect(meet.read(doc).mic).toBe('muted'); // data-is-muted still says so
  });

  it('falls back to the label when data-is-muted is gone, in German too', () => {
    for (const [file, mic] of [['meet-in-call-unmuted.html', 'unmuted'], ['meet-in-call-muted.de.html', 'muted']] as const) {
      const doc = loadFixture(file);
      doc.getElementById('fixture-mute')!.removeAttribute('data-is-muted');
      // Without data-is-muted the [data-is-muted] selectors cannot find it: the state is unknown, never guessed from the camera.
      expect(meet.read(doc).mic).toBe('unknown');
      doc.getElementById('fixture-mute')!.setAttribute('data-is-muted', '');
      expect(meet.read(doc).mic).toBe(mic);
    }
  });

  it('finds pre-join by its words when the join button has no jsname (English, German)', () => {
    const en = loadFixture('meet-pre-join.html');
    en.querySelector('[jsname="Qx7uuf"]')!.removeAttribute('jsname');
    expect(meet.read(en).phase).toBe('pre-join');
    const de = new DOMParser().parseFromString('<button><span>Teilnahme anfordern</span></button>', 'text/html');
    expect(meet.read(de).phase).toBe('pre-join');
  });

  it('finds the left screen in German', () => {
    const doc = new DOMParser().parseFromString('<h1>Sie haben die Besprechung verlassen</h1><button><span>Erneut teilnehmen</span></button>', 'text/html');
    expect(meet.read(doc)).toEqual(S('left', 'unknown'));
  });

  it('uses the box holding leave and mic when the bar has no region label', () => {
    const doc = loadFixture('meet-in-call-muted.html');
    const bar = doc.querySelector('.fixture-bar')!;
    bar.removeAttribute('role');
    bar.removeAttribute('aria-label');
    expect(meet.controls(doc)).toEqual([bar]);
  });
});

describe('Microsoft Teams', () => {
  const teams = adapterFor('teams');

  it("reads the page's own ids as well as the data-tids", () => {
    const doc = loadFixture('teams-in-call-unmuted.html');
    for (const [id, tid] of [['microphone-button', 'microphone-button'], ['hangup-button', 'hangup-main-btn']] as const) {
      const el = doc.querySelector(`[data-tid="${tid}"]`)!;
      el.id = id;
      el.removeAttribute('data-tid');
    }
    expect(teams.read(doc)).toEqual(S('in-call', 'unmuted'));
  });

  it('reads the lobby switch: checked means the mic is on', () => {
    const doc = loadFixture('teams-pre-join.html');
    (doc.querySelector('[data-tid="toggle-mute"]') as HTMLInputElement).checked = true;
    expect(teams.read(doc)).toEqual(S('pre-join', 'unmuted'));
  });

  it('falls back to the localized label without data-state', () => {
    const doc = loadFixture('teams-in-call-muted.html');
    const mic = doc.getElementById('fixture-mute')!;
    mic.removeAttribute('data-state');
    mic.setAttribute('aria-label', 'Stummschaltung aufheben (Strg+Umschalt+M)');
    expect(teams.read(doc).mic).toBe('muted');
    mic.setAttribute('aria-label', 'Stummschalten (Strg+Umschalt+M)');
    expect(teams.read(doc).mic).toBe('unmuted');
  });
});

describe('Jitsi Meet', () => {
  it('reads aria-pressed before the label, and not the camera', () => {
    const doc = loadFixture('jitsi-in-call-unmuted.html');
    doc.getElementById('fixture-mute')!.setAttribute('aria-label', 'Mikrofon');
    doc.querySelector('.video-preview .toolbox-button')!.setAttribute('aria-pressed', 'true');
    expect(adapterFor('jitsi').read(doc)).toEqual(S('in-call', 'unmuted'));
  });
});

describe('controls', () => {
  it.each(IN_CALL)('%s: the bar holds mute and leave', (file) => {
    const doc = loadFixture(file);
    const bars = adapterFor(platformOf(file)).controls(doc);
    expect(bars).toHaveLength(1);
    const inner = meetingDocument(doc);
    expect(bars[0]!.contains(inner.getElementById('fixture-mute'))).toBe(true);
    expect(bars[0]!.contains(inner.getElementById('fixture-leave'))).toBe(true);
    expect(bars[0]).not.toBe(inner.body);
  });

  it('prefers the bar that has a size over a wrapper that has none (Jitsi: a fixed bar inside #new-toolbox)', () => {
    const doc = loadFixture('jitsi-in-call-muted.html');
    const content = doc.querySelector('#new-toolbox .toolbox-content')!;
    content.getBoundingClientRect = () => ({ left: 0, top: 720, width: 1280, height: 80 }) as DOMRect;
    expect(adapterFor('jitsi').controls(doc)).toEqual([content]);
  });

  it.each(EXPECTED.filter(([, s]) => s.phase === 'left').map(([f]) => f))('%s: no bar after leaving', (file) => {
    expect(adapterFor(platformOf(file)).controls(loadFixture(file))).toEqual([]);
  });
});

describe('fixture scripts (what end-to-end tests will click)', () => {
  it.each(IN_CALL)('%s: mute toggles what the adapter reads, leave shows the left screen', (file) => {
    const doc = loadFixture(file);
    const inner = meetingDocument(doc);
    runFixtureScript(inner);
    const first = read(file, doc);
    const flipped = first.mic === 'muted' ? 'unmuted' : 'muted';
    (inner.getElementById('fixture-mute') as HTMLElement).click();
    expect(read(file, doc)).toEqual(S('in-call', flipped));
    (inner.getElementById('fixture-mute') as HTMLElement).click();
    expect(read(file, doc)).toEqual(first);
    (inner.getElementById('fixture-leave') as HTMLElement).click();
    expect(read(file, doc)).toEqual(S('left', 'unknown'));
    expect(inner.getElementById('fixture-mute')).toBeNull();
  });
});
