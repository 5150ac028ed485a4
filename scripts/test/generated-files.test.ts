import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAll } from '../src/generate.ts';
import { findStaleFiles, type GeneratedFile, writeGeneratedFiles } from '../src/generated-file.ts';

describe('generated files', () => {
  // Two independent generations: the first is checked against the committed files, the second must equal it.
  let first: GeneratedFile[];
  let second: GeneratedFile[];
  beforeAll(async () => {
    [first, second] = await Promise.all([generateAll(), generateAll()]);
  }, 60_000);

  it('match what the generators produce from the spec (run `pnpm generate` if this fails)', async () => {
    expect(await findStaleFiles(first)).toEqual([]);
  });

  it('are reproducible: generating twice gives the same bytes', () => {
    expect(second).toEqual(first);
  });
});

describe('findStaleFiles', () => {
  const scratch = mkdtemp(path.join(tmpdir(), 'stale-files-'));
  afterAll(async () => rm(await scratch, { recursive: true, force: true }));

  it('reports files that were edited by hand or never written', async () => {
    const root = await scratch;
    const files: GeneratedFile[] = [
      { path: 'a/kept.txt', contents: 'same' },
      { path: 'a/edited.txt', contents: 'generated' },
      { path: 'b/missing.bin', contents: new Uint8Array([1, 2, 3]) },
    ];
    await writeGeneratedFiles(files.slice(0, 2), root);
    await writeFile(path.join(root, 'a/edited.txt'), 'edited by hand');
    expect(await findStaleFiles(files, root)).toEqual(['a/edited.txt', 'b/missing.bin']);
  });

  it('reports, and generating removes, files left in a generated folder that nothing produces any more', async () => {
    const root = await scratch;
    const files: GeneratedFile[] = [{ path: 'pkg/generated/kept.ts', contents: 'kept' }];
    await writeGeneratedFiles([...files, { path: 'pkg/generated/old/removed-endpoint.ts', contents: 'old' }], root);
    await writeFile(path.join(root, 'pkg/outside.ts'), 'not generated');
    expect(await findStaleFiles(files, root)).toEqual(['pkg/generated/old/removed-endpoint.ts (no longer generated)']);
    expect(await writeGeneratedFiles(files, root)).toEqual({ removed: ['pkg/generated/old/removed-endpoint.ts'] });
    expect(await findStaleFiles(files, root)).toEqual([]);
    expect(await readFile(path.join(root, 'pkg/outside.ts'), 'utf8')).toBe('not generated');
  });
});
