// The README's TypeScript examples, each type-checked as user code against the built package
// (dist/, which turbo builds before the tests) and the mock server's: a method, option or field
// that does not exist fails here, naming the README line. See tools/readme-examples/README.md.
import { fileURLToPath } from 'node:url';
import { testReadmeExamples } from '@toggl-exports/readme-examples';
import { expect, it } from 'vitest';

// What the blocks use without declaring it: names from earlier blocks, and the reader's own values.
const prelude = `
import type { createTogglExportsClient as create, TogglExportsClient } from '@toggl-exports/client';
import type { expect as vitestExpect } from 'vitest';

declare global {
  // From "Sign in".
  const createTogglExportsClient: typeof create;
  const toggl: TogglExportsClient;
  // From the test file in "Testing your code against the mock server".
  const inject: (key: 'togglExportsMockUrl') => string;
  const expect: typeof vitestExpect;
  // The reader's own.
  const apiToken: string;
  const workspaceId: number;
  const body: { start_date: string; end_date: string };
  function handle(chunk: Uint8Array): void;
  function upload(filename: string, file: Blob): Promise<void>;
}
`;

testReadmeExamples({ it, expect }, { packageDir: fileURLToPath(new URL('..', import.meta.url)), prelude, singleCopy: ['vitest'] });
