// How cells are written (README: duration_format; PDF date_format, hour_format, cents_separator),
// through the pure formatting helpers and through the files of the public entry.
import { describe, expect, it } from 'vitest';
import { type CellStyle, cellStyle, formatCell, formatClock, formatDate, formatDuration } from '../src/reports/cell-style.ts';
import { byHeader, detailedCsv, exported, loaded } from './support/engine.ts';
import { csvRows, pdfPages } from './support/files.ts';

const HOUR = 3600;

describe('durations', () => {
  it.each([
    [0, '00:00:00', '0.00', '0:00 min'],
    [1, '00:00:01', '0.00', '0:01 min'],
    [17, '00:00:17', '0.00', '0:17 min'],
    // 18 s is 0.005 h exactly: half a hundredth goes up.
    [18, '00:00:18', '0.01', '0:18 min'],
    [54, '00:00:54', '0.02', '0:54 min'],
    [59, '00:00:59', '0.02', '0:59 min'],
    [1105, '00:18:25', '0.31', '18:25 min'],
    [3599, '00:59:59', '1.00', '59:59 min'],
    [HOUR, '01:00:00', '1.00', '1:00:00'],
    [5400, '01:30:00', '1.50', '1:30:00'],
    [36_000 - 1, '09:59:59', '10.00', '9:59:59'],
    [100 * HOUR, '100:00:00', '100.00', '100:00:00'],
    [100 * HOUR + 61, '100:01:01', '100.02', '100:01:01'],
  ])('%i seconds: classic %s, decimal %s, improved %s', (seconds, classic, decimal, improved) => {
    expect(formatDuration(seconds, 'classic')).toBe(classic);
    expect(formatDuration(seconds, 'decimal')).toBe(decimal);
    expect(formatDuration(seconds, 'improved')).toBe(improved);
  });

  it('follow duration_format in the detailed CSV', async () => {
    const data = loaded({
      workspaces: [{ id: 1, name: 'W' }],
      users: [{ id: 1, fullname: 'U' }],
      time_entries: [
        { id: 1, workspace_id: 1, user_id: 1, start: '2026-10-05T08:00:00Z', duration: 0 },
        { id: 2, workspace_id: 1, user_id: 1, start: '2026-10-05T09:00:00Z', duration: 59 },
        { id: 3, workspace_id: 1, user_id: 1, start: '2026-10-05T10:00:00Z', duration: HOUR },
        { id: 4, workspace_id: 1, user_id: 1, start: '2026-10-06T10:00:00Z', duration: 100 * HOUR },
      ],
    });
    const durations = async (duration_format?: string) => {
      const { header, rows } = await detailedCsv(data, 1, {
        start_date: '2026-10-05',
        end_date: '2026-10-06',
        ...(duration_format && { duration_format }),
      });
      return rows.map((row) => byHeader(header, row)['Duration']);
    };
    expect(await durations()).toEqual(['00:00:00', '00:00:59', '01:00:00', '100:00:00']);
    expect(await durations('classic')).toEqual(['00:00:00', '00:00:59', '01:00:00', '100:00:00']);
    expect(await durations('decimal')).toEqual(['0.00', '0.02', '1.00', '100.00']);
    expect(await durations('improved')).toEqual(['0:00 min', '0:59 min', '1:00:00', '100:00:00']);
  });
});

describe('dates', () => {
  it.each([
    ['MM/DD/YYYY', '10/05/2026', '01/31/1999'],
    ['DD-MM-YYYY', '05-10-2026', '31-01-1999'],
    ['MM-DD-YYYY', '10-05-2026', '01-31-1999'],
    ['YYYY-MM-DD', '2026-10-05', '1999-01-31'],
    ['DD/MM/YYYY', '05/10/2026', '31/01/1999'],
    ['DD.MM.YYYY', '05.10.2026', '31.01.1999'],
  ] as const)('%s', (format, october, january) => {
    expect(formatDate('2026-10-05', format)).toBe(october);
    expect(formatDate('1999-01-31', format)).toBe(january);
  });
});

describe('times of day', () => {
  it.each([
    [0, '00:00:00', '00:00', '12:00 AM'],
    [59, '00:00:59', '00:00', '12:00 AM'],
    [9 * HOUR + 5 * 60 + 7, '09:05:07', '09:05', '9:05 AM'],
    [11 * HOUR + 59 * 60 + 59, '11:59:59', '11:59', '11:59 AM'],
    [12 * HOUR, '12:00:00', '12:00', '12:00 PM'],
    [13 * HOUR + 5 * 60 + 9, '13:05:09', '13:05', '1:05 PM'],
    [23 * HOUR + 59 * 60 + 59, '23:59:59', '23:59', '11:59 PM'],
  ])('%i s after midnight: %s, %s, %s', (seconds, withSeconds, twentyFour, twelve) => {
    expect(formatClock(seconds, 'HH:MM:SS')).toBe(withSeconds);
    expect(formatClock(seconds, 'HH:MM')).toBe(twentyFour);
    expect(formatClock(seconds, 'h:MM AM')).toBe(twelve);
  });

  it.each([
    ['h:mm A', 'h:MM AM'],
    ['hh:mm a', 'h:MM AM'],
    ['h:mm:ss A', 'h:MM AM'],
    ['H:mm', 'HH:MM'],
    ['HH:mm', 'HH:MM'],
    ['HH:mm:ss', 'HH:MM'],
  ])('the PDF reads hour_format %j as a %s clock', (hour_format, clock) => {
    expect(cellStyle({ hour_format }, 'pdf').clock).toBe(clock);
  });

  it('CSV and XLSX keep machine-readable dates, times and amounts whatever the PDF fields say', () => {
    for (const format of ['csv', 'xlsx'] as const) {
      expect(
        cellStyle({ date_format: 'DD.MM.YYYY', hour_format: 'h:mm A', cents_separator: ',', duration_format: 'improved' }, format),
      ).toEqual({
        duration: 'improved',
        date: 'YYYY-MM-DD',
        clock: 'HH:MM:SS',
        centsSeparator: '.',
      });
    }
  });
});

describe('amounts', () => {
  const style = (centsSeparator: string): CellStyle => ({ duration: 'classic', date: 'YYYY-MM-DD', clock: 'HH:MM:SS', centsSeparator });

  it.each([
    [0, '.', '0.00'],
    [5, '.', '0.05'],
    [123_450, '.', '1234.50'],
    [123_450, ',', '1234,50'],
    [-5, '.', '-0.05'],
    [-12_345, ',', '-123,45'],
    [-100, '.', '-1.00'],
    [99_999_999, ' ', '999999 99'],
  ])('%i cents with separator %j: %s', (cents, separator, text) => {
    expect(formatCell('money', cents, style(separator))).toBe(text);
  });

  it('an empty amount stays empty, not 0.00', () => {
    expect(formatCell('money', null, style('.'))).toBe('');
  });

  it('hours columns keep the point, whatever the cents separator', () => {
    expect(formatCell('hours', 5400, style(','))).toBe('1.50');
  });

  it('a loss is written with its minus sign in the profitability export', async () => {
    const data = loaded({
      workspaces: [{ id: 1, name: 'W', default_currency: 'EUR', default_hourly_rate: 100 }],
      users: [
        { id: 1, fullname: 'Costly', labor_cost: 100.05 },
        { id: 2, fullname: 'Unbilled', labor_cost: 45 },
      ],
      time_entries: [
        { id: 1, workspace_id: 1, user_id: 1, billable: true, start: '2026-10-05T08:00:00Z', duration: HOUR },
        { id: 2, workspace_id: 1, user_id: 2, billable: false, start: '2026-10-05T08:00:00Z', duration: 5400 },
      ],
    });
    const file = await exported(data, {
      operationId: 'exportProfitabilityEmployees',
      format: 'csv',
      workspaceId: 1,
      body: { start_date: '2026-10-01', end_date: '2026-10-31' },
    });
    const [header = [], ...rows] = csvRows(file.bytes);
    const figures = rows
      .map((row) => byHeader(header, row))
      .map((row) => [row['User'], row['Revenue (EUR)'], row['Labour cost (EUR)'], row['Profit (EUR)']]);
    expect(figures).toEqual([
      ['Costly', '100.00', '100.05', '-0.05'],
      ['Unbilled', '0.00', '67.50', '-67.50'],
    ]);
  });
});

describe('the PDF follows its presentation fields', () => {
  const data = loaded({
    workspaces: [{ id: 1, name: 'Formats Ltd', default_currency: 'EUR', default_hourly_rate: 90 }],
    users: [{ id: 1, fullname: 'Pat Doe', timezone: 'Europe/Tallinn' }],
    time_entries: [
      // 13:05 to 14:35 in Tallinn (+03:00): 1.5 h at 90 is 135.00.
      {
        id: 1,
        workspace_id: 1,
        user_id: 1,
        billable: true,
        description: 'Afternoon',
        start: '2026-10-05T10:05:00Z',
        stop: '2026-10-05T11:35:00Z',
      },
      // 00:10 to 00:40: the first hour of the day on a 12-hour clock.
      { id: 2, workspace_id: 1, user_id: 1, billable: true, description: 'Night', start: '2026-10-06T00:10:00+03:00', duration: 1800 },
    ],
  });
  const pdfText = async (fields: Record<string, unknown>) =>
    (
      await pdfPages(
        (
          await exported(data, {
            operationId: 'exportDetailedReportPdf',
            format: 'pdf',
            workspaceId: 1,
            body: { start_date: '2026-10-01', end_date: '2026-10-31', ...fields },
          })
        ).bytes,
      )
    ).join('\n');

  it('12-hour clock, day.month.year and a decimal comma', async () => {
    const text = await pdfText({ date_format: 'DD.MM.YYYY', hour_format: 'h:mm A', cents_separator: ',' });
    for (const expected of ['05.10.2026', '06.10.2026', '1:05 PM', '2:35 PM', '12:10 AM', '12:40 AM', '135,00', '45,00', '180,00'])
      expect(text).toContain(expected);
    expect(text).not.toContain('135.00');
    expect(text).not.toContain('13:05');
  });

  it('24-hour clock, month/day/year (the default) and a decimal point', async () => {
    const text = await pdfText({});
    for (const expected of ['10/05/2026', '13:05', '14:35', '00:10', '135.00', '10/01/2026 – 10/31/2026']) expect(text).toContain(expected);
    expect(text).not.toContain('PM');
  });

  it('the decimal and improved durations, and their total', async () => {
    expect(await pdfText({ duration_format: 'decimal' })).toMatch(/1\.50[\s\S]*0\.50[\s\S]*2\.00/);
    const improved = await pdfText({ duration_format: 'improved' });
    expect(improved).toContain('1:30:00');
    expect(improved).toContain('30:00 min');
    expect(improved).toContain('2:00:00');
  });
});
