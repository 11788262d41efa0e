import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LIB = join(ROOT, 'lib');
/** lib's capabilities, in the order lib/README.md gives: each may import only from those before it. */
const LAYERS = ['browser', 'settings', 'sites', 'journal', 'pause', 'meetings', 'data', 'insights'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The lib folder each import of a file points into. */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const folders: string[] = [];
  for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
    let target: string | undefined;
    if (spec!.startsWith('@/lib/')) target = join(LIB, spec!.slice('@/lib/'.length));
    else if (spec!.startsWith('.')) target = resolve(dirname(file), spec!);
    if (!target || !target.startsWith(LIB)) continue;
    folders.push(relative(LIB, target).split(/[\\/]/)[0]!);
  }
  return folders;
}

describe('lib is layered by capability', () => {
  it('every file sits in one of the capability folders', () => {
    const stray = sources(LIB).map((f) => relative(LIB, f)).filter((f) => !LAYERS.includes(f.split(/[\\/]/)[0]!));
    expect(stray).toEqual([]);
  });

  it.each(LAYERS)('%s imports only from itself and the folders before it', (folder) => {
    const allowed = new Set(LAYERS.slice(0, LAYERS.indexOf(folder) + 1));
    const upward = sources(join(LIB, folder)).flatMap((file) =>
      importedFolders(file).filter((f) => !allowed.has(f)).map((f) => `${relative(LIB, file)} → ${f}`),
    );
    expect(upward).toEqual([]);
  });
});
