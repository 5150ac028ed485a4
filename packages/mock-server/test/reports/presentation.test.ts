import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/index.ts';
import { pdfText } from '../parse-files.ts';
import { csvTable, paths, postTo, startDatasetServer, WEEK, WS_NO_CURRENCY, WS_ROUNDED } from './fixtures.ts';

/*
 * How the files write what the reports hold: duration formats, PDF dates and clocks, amounts
 * and their currency, and rounding, against the dataset of fixtures.ts.
 */

let server: MockServer;
beforeAll(async () => {
  server = await startDatasetServer();
});
afterAll(async () => {
  await server.close();
});

const detailed = (body: Record<string, unknown> = {}, ws?: number) => csvTable(server.url, paths.detailed(ws), { ...WEEK, ...body });
const pdf = async (path: string, body: Record<string, unknown>) => {
  const answer = await postTo(server.url, path, { body: { ...WEEK, ...body } });
  expect(answer.status, answer.bytes.toString()).toBe(200);
  return (await pdfText(answer.bytes)).text;
};
/** The detailed rows' [description, duration, amount], in date order. */
const durationsAndAmounts = async (body: Record<string, unknown>, ws?: number) =>
  (await detailed(body, ws)).records.map((record) => [record['Description'], record['Duration'], record['Amount (EUR)']]);

describe('duration_format', () => {
  it('writes classic hours:minutes:seconds by default', async () => {
    expect((await detailed()).column('Duration')).toEqual([
      '02:00:00',
      '01:30:00',
      '00:20:50',
      '00:30:00',
      '00:45:00',
      '01:00:00',
      '00:15:00',
      '00:25:00',
    ]);
    expect((await detailed({ duration_format: 'classic' })).column('Duration')).toEqual((await detailed()).column('Duration'));
  });

  it('writes decimal hours with decimal', async () => {
    expect((await detailed({ duration_format: 'decimal' })).column('Duration')).toEqual([
      '2.00',
      '1.50',
      '0.35',
      '0.50',
      '0.75',
      '1.00',
      '0.25',
      '0.42',
    ]);
    expect((await csvTable(server.url, paths.summary(), { ...WEEK, duration_format: 'decimal' })).column('Duration')).toEqual([
      '1.85',
      '0.75',
      '1.00',
      '2.42',
      '0.25',
      '0.50',
    ]);
  });

  it('writes "mm:ss min" under an hour and h:mm:ss from an hour on with improved', async () => {
    expect((await detailed({ duration_format: 'improved' })).column('Duration')).toEqual([
      '2:00:00',
      '1:30:00',
      '20:50 min',
      '30:00 min',
      '45:00 min',
      '1:00:00',
      '15:00 min',
      '25:00 min',
    ]);
  });

  it('follows duration_format in the PDF, rows and totals', async () => {
    const decimal = await pdf(paths.detailed(undefined, 'pdf'), { duration_format: 'decimal' });
    expect(decimal).toContain('1.50');
    expect(decimal).toContain('6.76'); // 24350 s
    expect(decimal).not.toContain('01:30:00');
    const improved = await pdf(paths.detailed(undefined, 'pdf'), { duration_format: 'improved' });
    expect(improved).toContain('20:50 min');
    expect(improved).toContain('6:45:50');
    const weekly = await pdf(paths.weekly(undefined, 'pdf'), { duration_format: 'decimal' });
    expect(weekly).toContain('2.60'); // Ada's Billing API week, 9350 s
    expect(weekly).not.toContain('02:35:50');
  });
});

describe('PDF dates and times', () => {
  const formats: [string, string, string, string][] = [
    ['MM/DD/YYYY', '10/05/2026', '10/11/2026', '10/07/2026'],
    ['DD-MM-YYYY', '05-10-2026', '11-10-2026', '07-10-2026'],
    ['MM-DD-YYYY', '10-05-2026', '10-11-2026', '10-07-2026'],
    ['YYYY-MM-DD', '2026-10-05', '2026-10-11', '2026-10-07'],
    ['DD/MM/YYYY', '05/10/2026', '11/10/2026', '07/10/2026'],
    ['DD.MM.YYYY', '05.10.2026', '11.10.2026', '07.10.2026'],
  ];
  it.each(formats)("writes the period and the rows' dates as %s", async (date_format, start, end, wednesday) => {
    const text = await pdf(paths.detailed(undefined, 'pdf'), { date_format });
    expect(text).toContain(`${start} – ${end}`);
    // Entry 4's row, on Wednesday 2026-10-07.
    expect(text).toContain(wednesday);
  });

  it('uses MM/DD/YYYY when date_format is left out', async () => {
    const text = await pdf(paths.detailed(undefined, 'pdf'), {});
    expect(text).toContain('10/05/2026 – 10/11/2026');
    expect(text).not.toContain('2026-10-05');
  });

  it('writes the dates of the summary and weekly PDFs in date_format too', async () => {
    expect(await pdf(paths.summary(undefined, 'pdf'), { date_format: 'DD.MM.YYYY' })).toContain('05.10.2026 – 11.10.2026');
    const weekly = await pdf(paths.weekly(undefined, 'pdf'), { date_format: 'DD.MM.YYYY' });
    expect(weekly).toContain('05.10.2026 – 11.10.2026');
    expect(weekly).toContain('Mon 05.10.2026');
  });

  it('names the PDF file with the dates in date_format', async () => {
    const name = (date_format: string) =>
      postTo(server.url, paths.detailed(undefined, 'pdf'), { body: { ...WEEK, date_format } }).then((answer) =>
        answer.headers.get('content-disposition'),
      );
    expect(await name('YYYY-MM-DD')).toContain('(from_2026_10_05_to_2026_10_11).pdf');
    expect(await name('DD.MM.YYYY')).toContain('(from_05_10_2026_to_11_10_2026).pdf');
    expect(await name('MM/DD/YYYY')).toContain('(from_10_05_2026_to_10_11_2026).pdf');
  });

  it('writes start and end times on a 12-hour clock when hour_format has an AM/PM marker', async () => {
    const text = await pdf(paths.detailed(undefined, 'pdf'), { hour_format: 'h:mm A' });
    // Ada's entry 7 runs 14:00-14:20:50 London time; Grace's entry 6 22:00-22:25 New York time.
    expect(text).toContain('2:00 PM');
    expect(text).toContain('2:20 PM');
    expect(text).toContain('10:00 PM');
    expect(text).toContain('8:30 AM');
    expect(text).not.toContain('14:00');
  });

  it('writes a 24-hour clock for an hour_format without AM/PM, and by default', async () => {
    for (const body of [{ hour_format: 'HH:mm' }, {}]) {
      const text = await pdf(paths.detailed(undefined, 'pdf'), body);
      expect(text).toContain('14:00');
      expect(text).toContain('22:00');
      expect(text).not.toMatch(/\b(AM|PM)\b/);
    }
  });

  it('writes amounts with cents_separator', async () => {
    const text = await pdf(paths.detailed(undefined, 'pdf'), { cents_separator: ',' });
    expect(text).toContain('225,00');
    expect(text).toContain('544,58');
    expect(text).not.toContain('225.00');
    const summaryText = await pdf(paths.summary(undefined, 'pdf'), { cents_separator: ',' });
    expect(summaryText).toContain('277,08');
    expect(summaryText).not.toContain('277.08');
    const weeklyText = await pdf(paths.weekly(undefined, 'pdf'), { calculate: 'amounts', cents_separator: ',' });
    expect(weeklyText).toContain('367,08');
  });
});

describe('amounts', () => {
  it("names the amount column with the workspace's currency", async () => {
    expect((await detailed()).header.at(-1)).toBe('Amount (EUR)');
    expect((await csvTable(server.url, paths.summary(), WEEK)).header.at(-1)).toBe('Amount (EUR)');
  });

  it('writes "Amount ()" for a workspace without a currency', async () => {
    const table = await detailed({}, WS_NO_CURRENCY);
    expect(table.header.at(-1)).toBe('Amount ()');
    expect(table.records.map((record) => record['Amount ()'])).toEqual(['120.00']);
    expect((await csvTable(server.url, paths.summary(WS_NO_CURRENCY), WEEK)).header.at(-1)).toBe('Amount ()');
  });

  it('leaves the amount of a non-billable entry empty, not 0.00', async () => {
    const table = await detailed({ billable: false });
    expect(table.column('Amount (EUR)')).toEqual(['', '', '']);
  });

  it('leaves the amounts out with hide_amounts, in CSV and PDF', async () => {
    const table = await detailed({ hide_amounts: true });
    expect(table.header).not.toContain('Amount (EUR)');
    expect(table.header.at(-1)).toBe('Tags');
    const text = await pdf(paths.detailed(undefined, 'pdf'), { hide_amounts: true });
    expect(text).not.toContain('Amount (EUR)');
    expect(text).not.toContain('225.00');
    expect(text).not.toContain('544.58');
  });
});

describe('rounding', () => {
  it('rounds each entry to the nearest step with rounding 0, and prices the rounded time', async () => {
    expect(await durationsAndAmounts({ rounding: 0, rounding_minutes: 15 })).toEqual([
      ['Website copy', '02:00:00', '140.00'],
      ['Invoice PDF layout', '01:30:00', '225.00'],
      ['Invoice PDF layout', '00:15:00', '37.50'], // 1250 s → 900 s at 150/h
      ['Planning', '00:30:00', ''],
      ['invoice review', '00:45:00', '90.00'],
      ['CI cleanup', '01:00:00', ''],
      ['Email', '00:15:00', ''],
      ['Website copy', '00:30:00', '45.00'], // 1500 s → 1800 s at 90/h
    ]);
  });

  it('rounds each entry up with rounding 1 or any positive value', async () => {
    const up = await durationsAndAmounts({ rounding: 1, rounding_minutes: 15 });
    expect(up.map((row) => row.slice(1))).toEqual([
      ['02:00:00', '140.00'],
      ['01:30:00', '225.00'],
      ['00:30:00', '75.00'],
      ['00:30:00', ''],
      ['00:45:00', '90.00'],
      ['01:00:00', ''],
      ['00:15:00', ''],
      ['00:30:00', '45.00'],
    ]);
    expect(await durationsAndAmounts({ rounding: 5, rounding_minutes: 15 })).toEqual(up);
  });

  it('rounds each entry down with rounding -1 or any negative value', async () => {
    const down = await durationsAndAmounts({ rounding: -1, rounding_minutes: 15 });
    expect(down.map((row) => row.slice(1))).toEqual([
      ['02:00:00', '140.00'],
      ['01:30:00', '225.00'],
      ['00:15:00', '37.50'],
      ['00:30:00', ''],
      ['00:45:00', '90.00'],
      ['01:00:00', ''],
      ['00:15:00', ''],
      ['00:15:00', '22.50'],
    ]);
    expect(await durationsAndAmounts({ rounding: -3, rounding_minutes: 15 })).toEqual(down);
  });

  it('rounds nothing with rounding_minutes 0', async () => {
    expect(await durationsAndAmounts({ rounding: 1, rounding_minutes: 0 })).toEqual(await durationsAndAmounts({}));
  });

  it('rounds entries one by one in the summary, not the group totals', async () => {
    const table = await csvTable(server.url, paths.summary(), { ...WEEK, rounding: 1, rounding_minutes: 60 });
    // Entries 1 (5400 s → 2 h) and 7 (1250 s → 1 h) at 150/h: 3 h and 450.00, where rounding their 6650 s total would give 2 h.
    expect(table.rows[0]).toEqual(['Billing API', 'Globex', 'Invoice PDF layout', '03:00:00', '450.00']);
  });

  it("falls back to the workspace's rounding for each field left out", async () => {
    // Workspace 44 rounds up to 15 minutes; its one entry lasts 1250 s on a 120/h project.
    const rounded = async (body: Record<string, unknown>) =>
      (await csvTable(server.url, paths.detailed(WS_ROUNDED), { ...WEEK, ...body })).rows.map((row) => row.slice(-3));
    expect(await rounded({})).toEqual([['00:30:00', '', '60.00']]);
    expect(await rounded({ rounding: -1 })).toEqual([['00:15:00', '', '30.00']]);
    expect(await rounded({ rounding_minutes: 60 })).toEqual([['01:00:00', '', '120.00']]);
    expect(await rounded({ rounding_minutes: 0 })).toEqual([['00:20:50', '', '41.67']]);
  });
});

describe('fields without an effect', () => {
  const same: [string, string, Record<string, unknown>][] = [
    [
      'detailed CSV paging and detail fields',
      paths.detailed(),
      { page_size: 1, first_id: 5, first_row_number: 3, first_timestamp: 1_791_100_800, enrich_response: true, startTime: '10:00' },
    ],
    ['detailed XLSX paging fields', paths.detailed(undefined, 'xlsx'), { page_size: 2, first_row_number: 2, enrich_response: true }],
    ['detailed PDF display_mode', paths.detailed(undefined, 'pdf'), { display_mode: 'compact', page_size: 3 }],
    ['summary CSV include_time_entry_ids', paths.summary(), { include_time_entry_ids: true, startTime: '08:00' }],
    ['summary PDF resolution', paths.summary(undefined, 'pdf'), { resolution: 'month' }],
    ['weekly PDF logo_url', paths.weekly(undefined, 'pdf'), { logo_url: 'https://example.com/logo.png', startTime: '09:00' }],
  ];
  it.each(same)('leaves the file as it is: %s', async (_, path, fields) => {
    const plain = await postTo(server.url, path, { body: WEEK });
    const withFields = await postTo(server.url, path, { body: { ...WEEK, ...fields } });
    expect(withFields.status, withFields.bytes.toString()).toBe(200);
    expect(withFields.bytes.equals(plain.bytes)).toBe(true);
  });
});
