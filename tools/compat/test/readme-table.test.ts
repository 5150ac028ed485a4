// packages/openapi/README.md shows the expectations table, as `pnpm --filter @toggl-exports/compat table` writes it.
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { EXPECTATIONS } from '../src/expectations.ts';
import { README, renderTable, tableInReadme } from '../src/table.ts';

it('packages/openapi/README.md holds the expectations table', async () => {
  const readme = await readFile(README, 'utf8');
  expect(tableInReadme(readme), 'run: pnpm --filter @toggl-exports/compat table').toBe(renderTable());
});

it('every expected failure names a check of its tool and gives a reason', () => {
  for (const [tool, { checks, fails }] of Object.entries(EXPECTATIONS)) {
    for (const [check, reason] of Object.entries(fails)) {
      expect(checks as readonly string[], `${tool}: ${check}`).toContain(check);
      expect(typeof reason === 'string' && reason.length > 0, `${tool}: ${check} has a reason`).toBe(true);
    }
  }
});
