// Property: the detailed CSV holds exactly the entries a body's filters select, with their local
// times, rounded durations and amounts, for random small datasets and random filter bodies. The
// expected rows come from an oracle written from the README's rules (support/detailed-model.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/index.ts';
import { bodyArbitrary, canonical, expectedDetailed, modelArbitrary, WORKSPACE_ID } from './support/detailed-model.ts';
import { detailedCsv } from './support/engine.ts';

const numRuns = Number(process.env['PROPERTY_RUNS'] ?? 300);

describe('detailed report filters (property)', () => {
  it('every generated dataset loads', () => {
    fc.assert(
      fc.property(modelArbitrary, ({ dataset }) => {
        const result = loadDataset(dataset);
        expect(result.ok, JSON.stringify(!result.ok && result.problems)).toBe(true);
      }),
      { numRuns },
    );
  });

  it('the CSV rows are exactly the entries the filters select, with the right times, durations and amounts', async () => {
    await fc.assert(
      fc.asyncProperty(
        modelArbitrary.chain((model) => fc.tuple(fc.constant(model), bodyArbitrary(model.month))),
        async ([model, body]) => {
          const result = loadDataset(model.dataset);
          if (!result.ok) throw new Error(JSON.stringify(result.problems));
          const { header, rows } = await detailedCsv(result.data, WORKSPACE_ID, body);
          const expected = expectedDetailed(model.dataset, WORKSPACE_ID, body);
          expect(header).toEqual(expected.header);
          expect(canonical(rows, header)).toEqual(canonical(expected.rows, expected.header));
          // Sorted by date (the default order_by), ascending.
          const dates = rows.map((row) => row[7]!);
          expect(dates).toEqual([...dates].sort());
        },
      ),
      { numRuns },
    );
  });

  it('selects something in a good share of the runs, so that the property says something', () => {
    let nonEmpty = 0;
    let filtered = 0;
    const samples = fc.sample(
      modelArbitrary.chain((model) => fc.tuple(fc.constant(model), bodyArbitrary(model.month))),
      { numRuns: 300, seed: 7 },
    );
    for (const [model, body] of samples) {
      const all = expectedDetailed(model.dataset, WORKSPACE_ID, { start_date: body['start_date'], end_date: body['end_date'] }).rows.length;
      const kept = expectedDetailed(model.dataset, WORKSPACE_ID, body).rows.length;
      if (kept > 0) nonEmpty += 1;
      if (kept > 0 && kept < all) filtered += 1;
    }
    expect(nonEmpty).toBeGreaterThan(60);
    expect(filtered).toBeGreaterThan(20);
  });
});
