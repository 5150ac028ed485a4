import { describe, expect, it } from 'vitest';
import { readMockSpec } from '../src/mock-spec.ts';
import { computePrismOperations, readPrismOperations } from '../src/prism-operations.ts';

describe('the operations saved at build time', () => {
  it('are what Prism makes of the current spec, so the server routes and validates by the spec', async () => {
    const saved = readPrismOperations();
    expect(saved.map((operation) => operation.iid)).toContain('exportDetailedReport');
    expect(saved).toEqual(await computePrismOperations(readMockSpec()));
  });
});
