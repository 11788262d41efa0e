import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChip } from '@/lib/meetings/overlay';
import { contrastRatio, parseHex } from './contrast';

/**
 * WCAG 1.4.11 (non-text contrast) asks 3:1 for the boundary of a control
 * against what is next to it. Controls here sit on the page (--bg), on cards
 * (--surface) and on the after-call note (--accent-soft), and are filled
 * with --surface; their borders must stand out from all three, in both
 * themes. The colours are read from the stylesheets themselves.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const COMPONENTS = join(ROOT, 'components');
const SURFACES = ['--bg', '--surface', '--accent-soft'] as const;
const MIN = 3;

interface Rule {
  selector: string;
  /** The enclosing at-rules, outermost first, e.g. `@media (prefers-color-scheme: dark)`. */
  at: string[];
  declarations: Array<[property: string, value: string]>;
}

/** The rules of a stylesheet, with at-rule blocks flattened into their rules. */
function parseCss(css: string, at: string[] = []): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const prelude = text.slice(i, open).trim();
    let depth = 1;
    let close = open + 1;
    for (; close < text.length && depth > 0; close++) {
      if (text[close] === '{') depth++;
      else if (text[close] === '}') depth--;
    }
    const body = text.slice(open + 1, close - 1);
    if (prelude.startsWith('@')) rules.push(...parseCss(body, [...at, prelude]));
    else {
      const declarations = body
        .split(';')
        .map((d) => d.trim())
        .filter((d) => d.includes(':'))
        .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()] as [string, string]);
      rules.push({ selector: prelude, at, declarations });
    }
    i = close;
  }
  return rules;
}

type Theme = Record<string, string>;

/** The light and dark custom properties of components/theme.css. */
function readThemes(): { light: Theme; dark: Theme } {
  const rules = parseCss(readFileSync(join(COMPONENTS, 'theme.css'), 'utf8'));
  const tokens = (rule: Rule | undefined): Theme =>
    Object.fromEntries((rule?.declarations ?? []).filter(([p]) => p.startsWith('--')));
  const light = tokens(rules.find((r) => r.selector === ':root' && r.at.length === 0));
  const dark = tokens(rules.find((r) => r.selector === ':root' && r.at.some((a) => /prefers-color-scheme:\s*dark/.test(a))));
  return { light, dark: { ...light, ...dark } };
}

/** A colour of a theme: a hex value, or a token that holds one. */
function resolveColour(theme: Theme, colour: string): string {
  const token = /^var\((--[\w-]+)\)$/.exec(colour)?.[1];
  const value = token ? theme[token] : colour;
  if (!value || !/^#[0-9a-f]{3,6}$/i.test(value)) throw new Error(`${colour} is not a hex colour in the theme (${value})`);
  return value;
}

/** The colours a border declaration draws with; none for no border or a transparent one. */
function borderColours(value: string): string[] {
  if (/^(0|none|transparent)$/.test(value) || /\btransparent\b/.test(value)) return [];
  const colours = value.match(/var\(--[\w-]+\)|#[0-9a-f]{3,8}\b/gi) ?? [];
  // `border: 1px solid` alone draws in the text colour.
  return colours.length ? colours : ['var(--text)'];
}

const BORDER = /^border(-(top|right|bottom|left|block|inline)(-(start|end))?)?(-color)?$/;
const CONTROL_ELEMENTS = new Set(['button', 'input', 'textarea', 'select', 'label']);

/** Classes a component's markup puts on controls (and on labels that wrap them, like the pause's chips). */
function controlClasses(markup: string): Set<string> {
  const classes = new Set(['btn']);
  for (const m of markup.matchAll(/<(button|input|textarea|select|label)\b[^<]*?\sclass="([^"{]*)"/g)) {
    for (const c of m[2]!.split(/\s+/)) if (c) classes.add(c);
  }
  return classes;
}

/** Whether a selector's subject (its last compound) is a control. */
function isControl(selector: string, classes: Set<string>): boolean {
  return selector.split(',').some((one) => {
    const subject = one
      .trim()
      .replace(/\([^()]*(\([^()]*\)[^()]*)*\)/g, '')
      .split(/[\s>+~]+/)
      .at(-1)!;
    const element = /^[a-z]+/i.exec(subject)?.[0]?.toLowerCase();
    const subjectClasses = [...subject.matchAll(/\.([\w-]+)/g)].map((m) => m[1]!);
    return (!!element && CONTROL_ELEMENTS.has(element)) || subjectClasses.some((c) => classes.has(c));
  });
}

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.(svelte|css)$/.test(entry.name)) yield path;
  }
}

/** Every border colour set on a control anywhere in components/. */
function controlBorders(): Array<{ where: string; selector: string; colour: string }> {
  const found: Array<{ where: string; selector: string; colour: string }> = [];
  for (const path of files(COMPONENTS)) {
    const source = readFileSync(path, 'utf8');
    const css = path.endsWith('.css') ? source : [...source.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
    const classes = controlClasses(source.replace(/<style[^>]*>[\s\S]*?<\/style>/g, ''));
    for (const rule of parseCss(css)) {
      if (!isControl(rule.selector.replace(/:global\(([^)]*)\)/g, '$1'), classes)) continue;
      for (const [property, value] of rule.declarations) {
        if (!BORDER.test(property)) continue;
        for (const colour of borderColours(value)) found.push({ where: relative(ROOT, path), selector: rule.selector, colour });
      }
    }
  }
  return found;
}

const themes = readThemes();
const borders = controlBorders();

describe('the theme', () => {
  it('has light and dark tokens for the control border and the surfaces', () => {
    for (const theme of [themes.light, themes.dark]) {
      for (const token of ['--line', ...SURFACES]) expect(theme[token], token).toMatch(/^#[0-9a-f]{6}$/i);
    }
    expect(themes.dark['--line']).not.toBe(themes.light['--line']);
  });

  it.each(['light', 'dark'] as const)('gives controls a border of at least 3:1 against every surface, in %s', (name) => {
    const theme = themes[name];
    for (const surface of SURFACES) {
      const ratio = contrastRatio(theme['--line']!, theme[surface]!);
      expect(ratio, `--line ${theme['--line']} on ${surface} ${theme[surface]}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(MIN);
    }
  });
});

describe('every control border in components/', () => {
  it('finds the borders of the buttons, the fields and the pause’s chips', () => {
    const seen = borders.map((b) => `${b.where} ${b.selector}`);
    expect(seen).toContain('components/theme.css .btn');
    expect(seen.some((s) => s.startsWith("components/theme.css input[type='text']"))).toBe(true);
    expect(seen).toContain('components/pause/PauseCard.svelte .chip');
  });

  it.each(borders.flatMap((b) => (['light', 'dark'] as const).map((theme) => [`${b.where} ${b.selector}: ${b.colour}`, theme, b.colour] as const)))(
    '%s stands out 3:1 from every surface, in %s',
    (_, theme, colour) => {
      const value = resolveColour(themes[theme], colour);
      for (const surface of SURFACES) {
        const ratio = contrastRatio(value, themes[theme][surface]!);
        expect(ratio, `${colour} ${value} on ${surface}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(MIN);
      }
    },
  );
});

describe('the meeting chip on a meeting page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('carries its own boundary: its ring stands out 3:1 from its fill, whatever the page behind', () => {
    let root: ShadowRoot | undefined;
    const attach = HTMLElement.prototype.attachShadow;
    vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init) {
      return (root = attach.call(this, init));
    });
    const chip = createChip(document, { x: 1, y: 1 }, () => undefined, () => undefined, 'pause');
    try {
      const button = root!.querySelector('button')!;
      const ring = button.style.getPropertyValue('border').match(/#[0-9a-f]{3,6}\b/i)?.[0];
      const fill = button.style.getPropertyValue('background').match(/#[0-9a-f]{3,6}\b/i)?.[0];
      expect(ring && fill, 'the chip has a ring and a fill').toBeTruthy();
      expect(contrastRatio(parseHex(ring!), parseHex(fill!))).toBeGreaterThanOrEqual(MIN);
    } finally {
      chip.destroy();
    }
  });
});
