// The built-in sample workspace (README: "people track time on every working day of any period";
// "Identical requests get identical bytes"; the XLSX and PDF carry a fixed creation time).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtInData, type ExportRequest } from '../src/index.ts';
import { byHeader, exported } from './support/engine.ts';
import { csvRows } from './support/files.ts';
import { plusDays } from './support/local-time.ts';
import { holidaysIn, isWorkingDay } from './support/us-holidays.ts';

const WORKSPACE = 1234567;
const packageDir = fileURLToPath(new URL('..', import.meta.url));

async function detailedRows(start_date: string, end_date: string): Promise<Record<string, string>[]> {
  const file = await exported(builtInData, {
    operationId: 'exportDetailedReport',
    format: 'csv',
    workspaceId: WORKSPACE,
    body: { start_date, end_date },
  });
  const [header = [], ...rows] = csvRows(file.bytes);
  return rows.map((row) => byHeader(header, row));
}

function datesBetween(start: string, end: string): string[] {
  const dates: string[] = [];
  for (let date = start; date <= end; date = plusDays(date, 1)) dates.push(date);
  return dates;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the holiday rules this test uses', () => {
  it.each([
    [2021, ['2021-01-01', '2021-05-31', '2021-07-05', '2021-09-06', '2021-11-25', '2021-11-26', '2021-12-24', '2021-12-31']],
    [2022, ['2022-05-30', '2022-07-04', '2022-09-05', '2022-11-24', '2022-11-25', '2022-12-26']],
    [2023, ['2023-01-02', '2023-05-29', '2023-07-04', '2023-09-04', '2023-11-23', '2023-11-24', '2023-12-25']],
    [2026, ['2026-01-01', '2026-05-25', '2026-07-03', '2026-09-07', '2026-11-26', '2026-11-27', '2026-12-25']],
  ])('are the US days off of %i, checked by hand', (year, days) => {
    expect(holidaysIn(year)).toEqual(days);
  });
});

describe('the built-in workspace', () => {
  it('has entries on every working day of October 2026 and on no weekend day', async () => {
    const rows = await detailedRows('2026-10-01', '2026-10-31');
    const dates = new Set(rows.map((row) => row['Start date']));
    expect([...dates].sort()).toEqual(datesBetween('2026-10-01', '2026-10-31').filter(isWorkingDay));
  });

  it.each([2019, 2022, 2026, 2027, 2031])('takes every US holiday of %i off', async (year) => {
    for (const holiday of holidaysIn(year)) {
      expect(await detailedRows(holiday, holiday), holiday).toEqual([]);
      // The working days around it are tracked.
      for (const neighbour of [plusDays(holiday, -1), plusDays(holiday, 1)].filter(isWorkingDay))
        expect((await detailedRows(neighbour, neighbour)).length, neighbour).toBeGreaterThan(0);
    }
  });

  it('any period, in any year, has entries on its working days only, and on each of them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2080-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 45 }),
        async (from, length) => {
          const start = from.toISOString().slice(0, 10);
          const end = plusDays(start, length);
          const rows = await detailedRows(start, end);
          const dates = new Set(rows.map((row) => row['Start date']));
          expect([...dates].sort()).toEqual(datesBetween(start, end).filter(isWorkingDay));
          for (const row of rows) {
            expect(row['Start date']! >= start && row['Start date']! <= end).toBe(true);
            expect(row['Duration']).toMatch(/^\d{2}:\d{2}:\d{2}$/);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('fills 2019 and 2031 as fully as 2026', async () => {
    const counts = new Map<number, number>();
    for (const year of [2019, 2026, 2031]) {
      const rows = await detailedRows(`${year}-01-01`, `${year}-12-31`);
      counts.set(year, rows.length);
      const dates = new Set(rows.map((row) => row['Start date']));
      expect([...dates].sort(), String(year)).toEqual(datesBetween(`${year}-01-01`, `${year}-12-31`).filter(isWorkingDay));
      expect(new Set(rows.map((row) => row['User'])).size, String(year)).toBe(8);
      expect(new Set(rows.map((row) => row['Project']).filter(Boolean)).size, String(year)).toBe(10);
      expect(rows.filter((row) => row['Billable'] === 'Yes').length, String(year)).toBeGreaterThan(rows.length / 2);
      for (let month = 1; month <= 12; month += 1) {
        const inMonth = rows.filter((row) => row['Start date']!.startsWith(`${year}-${String(month).padStart(2, '0')}`)).length;
        expect(inMonth, `${year}-${month}`).toBeGreaterThan(200);
      }
    }
    const reference = counts.get(2026)!;
    expect(reference).toBeGreaterThan(2500);
    for (const year of [2019, 2031]) expect(Math.abs(counts.get(year)! - reference) / reference, String(year)).toBeLessThan(0.1);
  });
});

const requests: ExportRequest[] = [
  {
    operationId: 'exportDetailedReport',
    format: 'csv',
    workspaceId: WORKSPACE,
    body: { start_date: '2026-10-01', end_date: '2026-10-31' },
  },
  {
    operationId: 'exportDetailedReport',
    format: 'xlsx',
    workspaceId: WORKSPACE,
    body: { start_date: '2026-10-01', end_date: '2026-10-31' },
  },
  {
    operationId: 'exportDetailedReportPdf',
    format: 'pdf',
    workspaceId: WORKSPACE,
    body: { start_date: '2026-10-01', end_date: '2026-10-14' },
  },
  {
    operationId: 'exportSummaryReportPdf',
    format: 'pdf',
    workspaceId: WORKSPACE,
    body: { start_date: '2031-03-01', end_date: '2031-03-31', grouping: 'users' },
  },
  {
    operationId: 'exportWeeklyReportCsv',
    format: 'xlsx',
    workspaceId: WORKSPACE,
    body: { start_date: '2019-11-04', end_date: '2019-11-10' },
  },
];

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function fingerprints(): Promise<string[]> {
  const hashes: string[] = [];
  for (const request of requests) hashes.push(sha256((await exported(builtInData, request)).bytes));
  return hashes;
}

/** Runs the engine's source, bundled by esbuild, in a child Node process with the given TZ, and returns its fingerprints of the requests. */
async function fingerprintsInChild(timeZone: string): Promise<string[]> {
  const bundle = await build({
    entryPoints: [`${packageDir}src/index.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    packages: 'external',
    logLevel: 'silent',
  });
  const program = `${bundle.outputFiles[0]!.text}
import { createHash as __hash } from 'node:crypto';
const __requests = ${JSON.stringify(requests)};
const __out = [];
for (const request of __requests) {
  const outcome = await exportReport(builtInData, request);
  __out.push(__hash('sha256').update(outcome.file.bytes).digest('hex'));
}
process.stdout.write(JSON.stringify({ offset: new Date('2026-10-05T12:00:00Z').getTimezoneOffset(), hashes: __out }));`;
  const child = spawn(process.execPath, ['--input-type=module'], {
    cwd: packageDir,
    env: { ...process.env, TZ: timeZone },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.stdin.end(program);
  const code = await exit;
  if (code !== 0) throw new Error(`child exited with ${code}: ${stderr}`);
  const { offset, hashes } = JSON.parse(stdout) as { offset: number; hashes: string[] };
  // Make sure the child really ran in that zone.
  if (timeZone === 'Pacific/Kiritimati') expect(offset).toBe(-14 * 60);
  return hashes;
}

describe('identical requests get identical bytes', () => {
  it('twice in a row, and after the cache of sample days has been cycled', async () => {
    const first = await fingerprints();
    expect(await fingerprints()).toEqual(first);
    // Over 800 other days: the days of the first requests are drawn again.
    for (const year of [2020, 2021, 2022]) await detailedRows(`${year}-01-01`, `${year}-12-31`);
    expect(await fingerprints()).toEqual(first);
    // Different requests do get different bytes.
    expect(new Set(first).size).toBe(first.length);
  });

  it('whatever the time zone of the process (a child under TZ=Pacific/Kiritimati and America/St_Johns)', async () => {
    const here = await fingerprints();
    expect(await fingerprintsInChild('Pacific/Kiritimati')).toEqual(here);
    expect(await fingerprintsInChild('America/St_Johns')).toEqual(here);
  }, 120_000);

  it('whatever the clock says', async () => {
    const real = await fingerprints();
    vi.useFakeTimers({ toFake: ['Date'] });
    for (const now of ['1999-12-31T23:59:59Z', '2026-10-05T12:00:00Z', '2041-06-30T03:00:00Z']) {
      vi.setSystemTime(new Date(now));
      expect(await fingerprints(), now).toEqual(real);
    }
  });

  it('a request without dates covers the week up to the UTC date of the clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const zone = process.env['TZ'];
    try {
      // 04:30Z on 8 October is still 7 October in Los Angeles: the period ends on the 8th.
      process.env['TZ'] = 'America/Los_Angeles';
      vi.setSystemTime(new Date('2026-10-08T04:30:00Z'));
      const file = await exported(builtInData, {
        operationId: 'exportDetailedReport',
        format: 'csv',
        workspaceId: WORKSPACE,
        body: { billable: true },
      });
      expect(file.filename).toBe('TogglTrack_Report_Detailed_report_(from_02_10_2026_to_08_10_2026).csv');
      const dates = new Set(
        csvRows(file.bytes)
          .slice(1)
          .map((row) => row[7]),
      );
      expect([...dates].sort()).toEqual(['2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08']);
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });
});
