import { exportOperations } from '@toggl-exports/client';
import { MAX_PERIOD_DAYS } from '@toggl-exports/report-engine';
import { expect, it } from 'vitest';
import { exportCommands, formatsOf, maxPeriodDaysOf } from '../src/commands.ts';

it('gives every export operation of the client exactly one command', () => {
  const covered = exportCommands.flatMap((command) => command.operationIds);
  expect([...covered].sort()).toEqual(Object.keys(exportOperations).sort());
});

it('offers each format of a command once', () => {
  for (const command of exportCommands) {
    const formats = command.operationIds.flatMap((id) => Object.keys(exportOperations[id].formats));
    expect([...formatsOf(command).keys()]).toEqual([...new Set(formats)]);
    expect(formats).toHaveLength(new Set(formats).size);
  }
});

it("reads the one-year limit from the spec, through the client's table, and it equals the report engine's", () => {
  for (const id of Object.keys(exportOperations) as (keyof typeof exportOperations)[]) expect(maxPeriodDaysOf(id)).toBe(MAX_PERIOD_DAYS);
});
