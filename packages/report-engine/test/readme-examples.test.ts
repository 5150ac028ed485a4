// The README's TypeScript examples, each type-checked as user code against the built package
// (dist/, which turbo builds before the tests): a function, option or field that does not exist
// fails here, naming the README line. See tools/readme-examples/README.md.
import { fileURLToPath } from 'node:url';
import { testReadmeExamples } from '@toggl-exports/readme-examples';
import { expect, it } from 'vitest';

// Every block stands on its own: no prelude.
testReadmeExamples({ it, expect }, { packageDir: fileURLToPath(new URL('..', import.meta.url)) });
