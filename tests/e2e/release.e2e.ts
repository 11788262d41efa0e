/**
 * The release artifacts, as the stores receive them: `npm run zip` writes the
 * Chrome zip, the Firefox zip and the sources zip addons.mozilla.org asks
 * for, and the sources build the Firefox zip again, file for file.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promisify } from 'node:util';
import JSZip from 'jszip';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const { name, version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const zipPath = (kind: 'chrome' | 'firefox' | 'sources') => join(ROOT, '.output', `${name}-${version}-${kind}.zip`);

/** Every file in a zip, by path, with its bytes. */
async function filesOf(zipFile: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await readFile(zipFile));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  return files;
}

/** Every file under `dir`, by path relative to it, with its bytes. */
async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split('\\').join('/'), await readFile(path));
  }
  return files;
}

describe('the release zips', { timeout: 240_000 }, () => {
  let work: string | undefined;
  before(async () => {
    await run('npm', ['run', 'zip'], { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 });
  });
  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('are the Chrome zip, the Firefox zip and the sources zip, each with its manifest or build files', async () => {
    const chrome = await filesOf(zipPath('chrome'));
    const firefox = await filesOf(zipPath('firefox'));
    const sources = await filesOf(zipPath('sources'));
    const manifest = (files: Map<string, Buffer>) => JSON.parse(files.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
    assert.equal(manifest(chrome).version, version);
    assert.equal(manifest(chrome).minimum_chrome_version, '123');
    assert.deepEqual((manifest(firefox).browser_specific_settings as { gecko: { strict_min_version: string } }).gecko.strict_min_version, '140.0');
    // A release build holds no host access at install: it asks per site.
    assert.equal(manifest(chrome).host_permissions, undefined);
    assert.equal(manifest(firefox).host_permissions, undefined);
    for (const file of ['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md', 'LICENSE', 'entrypoints/background.ts']) {
      assert.ok(sources.has(file), `the sources zip has ${file}`);
    }
    assert.ok(![...sources.keys()].some((f) => f.startsWith('node_modules/') || f.startsWith('.output')), 'the sources zip has no dependencies or builds in it');
  });

  it('build the Firefox zip again from the sources zip, byte for byte', async () => {
    work = await mkdtemp(join(tmpdir(), 'pause-moment-sources-'));
    for (const [path, bytes] of await filesOf(zipPath('sources'))) {
      await mkdir(dirname(join(work, path)), { recursive: true });
      await writeFile(join(work, path), bytes);
    }
    // The dependencies are the ones package-lock.json names, already installed here: a reviewer runs `npm ci`.
    await symlink(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    await run(join(ROOT, 'node_modules/.bin/wxt'), ['build', '-b', 'firefox'], { cwd: work, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, PAUSE_MOMENT_TEST: '' } });
    const rebuilt = await filesUnder(join(work, '.output/firefox-mv3'));
    const shipped = await filesOf(zipPath('firefox'));
    assert.deepEqual([...rebuilt.keys()].sort(), [...shipped.keys()].sort(), 'the same files');
    const differ = [...shipped].filter(([path, bytes]) => !rebuilt.get(path)!.equals(bytes)).map(([path]) => path);
    assert.deepEqual(differ, [], 'no file differs');
  });
});
