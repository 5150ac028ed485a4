import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { expect as vitestExpect, it as vitestIt } from 'vitest';
import { readmeExamples } from './examples.js';
import { createExampleChecker, type ExampleCheckerOptions } from './type-check.js';

/**
 * The calling test file's own `it` and `expect`: tests must be registered with the vitest that
 * runs them, and a workspace can hold more than one copy of it.
 */
export interface TestApi {
  it: typeof vitestIt;
  expect: typeof vitestExpect;
}

/**
 * Registers one test per example of `<packageDir>/README.md` (skipped, with its reason, where the
 * README opts a block out), each expecting it to compile, plus one that the README has examples.
 */
export function testReadmeExamples({ it, expect }: TestApi, options: ExampleCheckerOptions): void {
  const readmeName = options.readmeName ?? 'README.md';
  const examples = readmeExamples(readFileSync(path.join(options.packageDir, readmeName), 'utf8'));
  const check = createExampleChecker(options);

  it(`${readmeName} has examples`, () => {
    expect(examples.length).toBeGreaterThan(0);
  });
  for (const example of examples) {
    if (example.notTypeChecked !== undefined) {
      it.skip(`${readmeName} line ${example.line} (not type-checked: ${example.notTypeChecked})`);
    } else {
      // Compiling one block takes about a second; the limit only guards against a hang.
      it(`${readmeName} line ${example.line} compiles`, { timeout: 60_000 }, () => {
        expect(check(example)).toEqual([]);
      });
    }
  }
}
