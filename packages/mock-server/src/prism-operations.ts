import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PrismOperation } from './prism.ts';

/*
 * Prism works from its own description of each operation, which it derives from the spec with a
 * reader that takes longer to load than the rest of Prism. The package's build runs that reader
 * once (build-prism-operations.ts) and saves its result beside the compiled code, so the server
 * starts from the saved operations. test/prism-operations.test.ts checks they are up to date.
 */

/** The same file from src/ and from dist/. */
export const prismOperationsFile = new URL('../dist/prism-operations.json', import.meta.url);

export function readPrismOperations(): PrismOperation[] {
  try {
    return JSON.parse(readFileSync(prismOperationsFile, 'utf8')) as PrismOperation[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`${prismOperationsFile.pathname} is missing: build the package first (pnpm build)`);
  }
}

/** Prism's operations for a spec, as Prism's own spec reader makes them. */
export function computePrismOperations(spec: unknown): Promise<PrismOperation[]> {
  const require = createRequire(import.meta.url);
  const { getHttpOperationsFromSpec } = require('@stoplight/prism-http/dist/utils/operations') as {
    getHttpOperationsFromSpec(spec: unknown): Promise<PrismOperation[]>;
  };
  return getHttpOperationsFromSpec(spec);
}
