// Rounding (README "Durations and amounts"): `rounding_minutes` is the step (0: none), `rounding`
// the direction (0 nearest, positive up, negative down); each entry on its own, its amount from the
// rounded duration; left out, each falls back to the workspace's `rounding` and `rounding_minutes`.
import { describe, expect, it } from 'vitest';
import { roundSeconds } from '../src/request/rounding.ts';
import { byHeader, detailedCsv, exported, loaded } from './support/engine.ts';
import { csvRows } from './support/files.ts';

const STEPS = [1, 5, 6, 10, 12, 15, 30, 60, 240];

/** Whole steps, by integer arithmetic: a half step goes up to the nearest. */
function expectedRounding(seconds: number, minutes: number, direction: -1 | 0 | 1): number {
  const step = minutes * 60;
  const below = seconds - (seconds % step);
  if (seconds % step === 0) return seconds;
  if (direction === 1) return below + step;
  if (direction === -1) return below;
  return seconds % step >= step / 2 ? below + step : below;
}

describe('roundSeconds', () => {
  it.each([
    // [seconds, minutes, nearest, up, down]
    [0, 15, 0, 0, 0],
    [1, 15, 0, 900, 0],
    [449, 15, 0, 900, 0],
    [450, 15, 900, 900, 0],
    [900, 15, 900, 900, 900],
    [901, 15, 900, 1800, 900],
    [4020, 15, 3600, 4500, 3600],
    [4020, 1, 4020, 4020, 4020],
    [4021, 1, 4020, 4080, 4020],
    [4020, 6, 3960, 4320, 3960],
    [4020, 60, 3600, 7200, 3600],
    [5400, 60, 7200, 7200, 3600],
    [4020, 240, 0, 14_400, 0],
    [7200, 240, 14_400, 14_400, 0],
  ])('%i s to %i minutes: nearest %i, up %i, down %i', (seconds, minutes, nearest, up, down) => {
    expect(roundSeconds(seconds, { direction: 0, minutes })).toBe(nearest);
    expect(roundSeconds(seconds, { direction: 1, minutes })).toBe(up);
    expect(roundSeconds(seconds, { direction: -1, minutes })).toBe(down);
  });

  it('agrees with integer arithmetic for every step and many durations', () => {
    for (const minutes of STEPS) {
      for (let seconds = 0; seconds <= 20_000; seconds += 37) {
        for (const direction of [-1, 0, 1] as const)
          expect(roundSeconds(seconds, { direction, minutes }), `${seconds} ${minutes} ${direction}`).toBe(
            expectedRounding(seconds, minutes, direction),
          );
      }
    }
  });

  it('no rounding leaves seconds as they are', () => {
    expect(roundSeconds(4021, null)).toBe(4021);
  });
});

/** 67 minutes, billable at 60 an hour: one cent a second, so amounts show the rounded seconds. */
function workspace(defaults: Record<string, number> = {}) {
  return loaded({
    workspaces: [{ id: 1, name: 'Round', default_currency: 'EUR', default_hourly_rate: 36, ...defaults }],
    users: [{ id: 1, fullname: 'Robin' }],
    time_entries: [
      {
        id: 1,
        workspace_id: 1,
        user_id: 1,
        billable: true,
        description: 'long',
        start: '2026-10-05T08:00:00Z',
        stop: '2026-10-05T09:07:00Z',
      },
      { id: 2, workspace_id: 1, user_id: 1, billable: true, description: 'short one', start: '2026-10-05T10:00:00Z', duration: 7 * 60 },
      { id: 3, workspace_id: 1, user_id: 1, billable: true, description: 'short two', start: '2026-10-05T11:00:00Z', duration: 7 * 60 },
      {
        id: 4,
        workspace_id: 1,
        user_id: 1,
        billable: false,
        description: 'unbilled',
        start: '2026-10-05T12:00:00Z',
        duration: 22 * 60 + 30,
      },
    ],
  });
}

const october = { start_date: '2026-10-01', end_date: '2026-10-31' };

async function durations(data: ReturnType<typeof workspace>, body: Record<string, unknown>) {
  const { header, rows } = await detailedCsv(data, 1, { ...october, ...body });
  return rows.map((row) => byHeader(header, row)).map((row) => [row['Description'], row['Duration'], row['Amount (EUR)']]);
}

describe('rounding in the reports', () => {
  it('nearest, up and down at 15 minutes, each entry on its own, amounts from the rounded time', async () => {
    const data = workspace();
    expect(await durations(data, {})).toEqual([
      ['long', '01:07:00', '40.20'],
      ['short one', '00:07:00', '4.20'],
      ['short two', '00:07:00', '4.20'],
      ['unbilled', '00:22:30', ''],
    ]);
    expect(await durations(data, { rounding: 0, rounding_minutes: 15 })).toEqual([
      ['long', '01:00:00', '36.00'],
      ['short one', '00:00:00', '0.00'],
      ['short two', '00:00:00', '0.00'],
      ['unbilled', '00:30:00', ''],
    ]);
    expect(await durations(data, { rounding: 1, rounding_minutes: 15 })).toEqual([
      ['long', '01:15:00', '45.00'],
      ['short one', '00:15:00', '9.00'],
      ['short two', '00:15:00', '9.00'],
      ['unbilled', '00:30:00', ''],
    ]);
    expect(await durations(data, { rounding: -1, rounding_minutes: 15 })).toEqual([
      ['long', '01:00:00', '36.00'],
      ['short one', '00:00:00', '0.00'],
      ['short two', '00:00:00', '0.00'],
      ['unbilled', '00:15:00', ''],
    ]);
  });

  it.each([
    [1, ['01:07:00', '00:07:00', '00:23:00']],
    [6, ['01:12:00', '00:12:00', '00:24:00']],
    [10, ['01:10:00', '00:10:00', '00:30:00']],
    [30, ['01:30:00', '00:30:00', '00:30:00']],
    [60, ['02:00:00', '01:00:00', '01:00:00']],
    [240, ['04:00:00', '04:00:00', '04:00:00']],
  ])('up to %i minutes', async (rounding_minutes, [long, short, unbilled]) => {
    const rows = await durations(workspace(), { rounding: 1, rounding_minutes });
    expect(rows.map((row) => row[1])).toEqual([long, short, short, unbilled]);
  });

  it('any positive rounding rounds up and any negative one down', async () => {
    const data = workspace();
    expect((await durations(data, { rounding: 5, rounding_minutes: 15 }))[0]).toEqual(['long', '01:15:00', '45.00']);
    expect((await durations(data, { rounding: -3, rounding_minutes: 15 }))[0]).toEqual(['long', '01:00:00', '36.00']);
  });

  it('rounding_minutes 0 or left out (without a workspace default) rounds nothing', async () => {
    const data = workspace();
    expect((await durations(data, { rounding: 1, rounding_minutes: 0 }))[0]).toEqual(['long', '01:07:00', '40.20']);
    expect((await durations(data, { rounding: 1 }))[0]).toEqual(['long', '01:07:00', '40.20']);
  });

  it("falls back to the workspace's rounding when the body sets none", async () => {
    const data = workspace({ rounding: 1, rounding_minutes: 30 });
    expect((await durations(data, {}))[0]).toEqual(['long', '01:30:00', '54.00']);
    // Each field on its own: the body's direction with the workspace's step, and the other way round.
    expect((await durations(data, { rounding: -1 }))[0]).toEqual(['long', '01:00:00', '36.00']);
    expect((await durations(data, { rounding_minutes: 15 }))[0]).toEqual(['long', '01:15:00', '45.00']);
    expect((await durations(data, { rounding_minutes: 0 }))[0]).toEqual(['long', '01:07:00', '40.20']);
  });

  it("takes the workspace's direction when only the body sets a step", async () => {
    // The workspace rounds up but sets no step of its own; the body asks for 15-minute steps.
    for (const defaults of [{ rounding: 1 }, { rounding: 1, rounding_minutes: 0 }]) {
      const data = workspace(defaults);
      expect((await durations(data, { rounding_minutes: 15 }))[0], JSON.stringify(defaults)).toEqual(['long', '01:15:00', '45.00']);
    }
  });

  it('the duration filters compare the tracked seconds, not the rounded ones', async () => {
    const data = workspace();
    const kept = async (body: Record<string, unknown>) =>
      (await durations(data, { rounding: 1, rounding_minutes: 15, ...body })).map((row) => row[0]);
    expect(await kept({ max_duration_seconds: 420 })).toEqual(['short one', 'short two']);
    expect(await kept({ min_duration_seconds: 900 })).toEqual(['long', 'unbilled']);
  });

  it('the summary adds up the rounded entries, not the rounded sum', async () => {
    const data = workspace();
    const file = await exported(data, {
      operationId: 'exportSummaryReport',
      format: 'csv',
      workspaceId: 1,
      body: { ...october, rounding: 1, rounding_minutes: 15, description: 'short' },
    });
    const [header = [], ...rows] = csvRows(file.bytes);
    const summed = rows.map((row) => byHeader(header, row)).map((row) => [row['Description'], row['Duration'], row['Amount (EUR)']]);
    expect(summed).toEqual([
      ['short one', '00:15:00', '9.00'],
      ['short two', '00:15:00', '9.00'],
    ]);
    const weekly = await exported(data, {
      operationId: 'exportWeeklyReportCsv',
      format: 'csv',
      workspaceId: 1,
      body: { start_date: '2026-10-05', end_date: '2026-10-11', rounding: 1, rounding_minutes: 15, description: 'short' },
    });
    const [weekHeader = [], ...weekRows] = csvRows(weekly.bytes);
    expect(byHeader(weekHeader, weekRows[0]!)['Total']).toBe('00:30:00');
  });
});
