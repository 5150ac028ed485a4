import { writeFileSync } from 'node:fs';
import { readMockSpec } from './mock-spec.ts';
import { computePrismOperations, prismOperationsFile } from './prism-operations.ts';

// Run by `pnpm build` after tsup: saves Prism's operations for the mock's spec (see prism-operations.ts).
writeFileSync(prismOperationsFile, JSON.stringify(await computePrismOperations(readMockSpec())));
