import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { bundleSpec } from '../src/bundle.ts';

const scratch = mkdtemp(path.join(tmpdir(), 'bundle-spec-'));
afterAll(async () => rm(await scratch, { recursive: true, force: true }));

it('rejects a spec with a $ref to nothing, naming the file it did not find', async () => {
  const entry = path.join(await scratch, 'openapi.yaml');
  await writeFile(
    entry,
    ['openapi: 3.1.0', 'info: { title: t, version: "1" }', 'paths:', '  /things:', '    $ref: ./missing.yaml', ''].join('\n'),
  );
  await expect(bundleSpec(entry)).rejects.toThrow(/the spec does not bundle:[\s\S]*Can't resolve \$ref[\s\S]*missing\.yaml/);
});
