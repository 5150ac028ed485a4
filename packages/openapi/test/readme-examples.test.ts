// The README's JavaScript examples, each type-checked as user code against the package's exports:
// importing or requiring a file the package does not export fails here, naming the README line.
// See tools/readme-examples/README.md.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createExampleChecker, readmeExamples } from '@toggl-exports/readme-examples';
import { expect, it } from 'vitest';

const examples = readmeExamples(await readFile(new URL('../README.md', import.meta.url), 'utf8'));

// Every block stands on its own: no prelude.
const check = createExampleChecker({ packageDir: fileURLToPath(new URL('..', import.meta.url)) });

it('finds the examples', () => {
  expect(examples.length).toBeGreaterThan(0);
});

for (const example of examples) {
  if (example.notTypeChecked !== undefined) {
    it.skip(`README.md line ${example.line} (not type-checked: ${example.notTypeChecked})`);
  } else {
    // Compiling one block takes about a second; the limit only guards against a hang.
    it(`README.md line ${example.line} compiles`, { timeout: 60_000 }, () => {
      expect(check(example)).toEqual([]);
    });
  }
}
