// The README's JavaScript examples, each type-checked as user code against the package's exports:
// importing or requiring a file the package does not export fails here, naming the README line.
// See tools/readme-examples/README.md.
import { fileURLToPath } from 'node:url';
import { testReadmeExamples } from '@toggl-exports/readme-examples';
import { expect, it } from 'vitest';

// Every block stands on its own: no prelude.
testReadmeExamples({ it, expect }, { packageDir: fileURLToPath(new URL('..', import.meta.url)) });
