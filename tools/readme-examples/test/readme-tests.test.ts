import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { type TestApi, testReadmeExamples } from '../src/readme-tests.ts';

let packageDir: string | undefined;
afterEach(() => (packageDir ? rm(packageDir, { recursive: true, force: true }) : undefined));

/** Registers the tests of a package whose README is `readme` with a recording `it`; returns what was registered. */
async function registered(readme: string) {
  packageDir = await mkdtemp(path.join(tmpdir(), 'readme-tests-'));
  await writeFile(path.join(packageDir, 'README.md'), readme);
  await writeFile(
    path.join(packageDir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', target: 'es2022', types: [] } }),
  );
  const tests: { name: string; skipped: boolean; run?: () => unknown }[] = [];
  const recordingIt = Object.assign(
    (name: string, ...rest: unknown[]) => void tests.push({ name, skipped: false, run: rest.at(-1) as () => unknown }),
    { skip: (name: string) => void tests.push({ name, skipped: true }) },
  );
  testReadmeExamples({ it: recordingIt as unknown as TestApi['it'], expect }, { packageDir });
  return tests;
}

// Each test compiles blocks, about a second each; the limit only guards against a hang.
it('registers one test per block, a skipped one for an opted-out block, and one that the README has examples', {
  timeout: 60_000,
}, async () => {
  const readme = [
    '# Pkg',
    '',
    '```ts',
    'const answer: number = 42;',
    '```',
    '',
    '<!-- not type-checked: shows an error -->',
    '```ts',
    "const wrong: number = 'no';",
    '```',
  ].join('\n');
  const tests = await registered(readme);
  expect(tests.map(({ name, skipped }) => [name, skipped])).toEqual([
    ['README.md has examples', false],
    ['README.md line 4 compiles', false],
    ['README.md line 9 (not type-checked: shows an error)', true],
  ]);
  expect(() => tests[0]?.run?.()).not.toThrow();
  expect(() => tests[1]?.run?.()).not.toThrow();
});

it('registers a test that fails where a block does not compile, and one that fails on a README without examples', {
  timeout: 60_000,
}, async () => {
  const failing = await registered(['```ts', "const wrong: number = 'no';", '```'].join('\n'));
  expect(() => failing[1]?.run?.()).toThrow('to deeply equal []');
  const empty = await registered('# No code here\n');
  expect(empty.map(({ name }) => name)).toEqual(['README.md has examples']);
  expect(() => empty[0]?.run?.()).toThrow();
});
