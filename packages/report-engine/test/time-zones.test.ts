// Dates and times in the exports are each user's local ones (README: "dates and times are the
// user's local ones"; "an entry belongs to the day it starts on").
import { describe, expect, it } from 'vitest';
import { byHeader, detailedCsv, exported, loaded } from './support/engine.ts';
import { csvRows } from './support/files.ts';
import { wallClock } from './support/local-time.ts';

const TALLINN = 1;
const LOS_ANGELES = 2;
const KOLKATA = 3;
const NO_ZONE = 4;
const LORD_HOWE = 5;
const KATHMANDU = 6;

const users = [
  { id: TALLINN, fullname: 'Tiina Tamm', timezone: 'Europe/Tallinn' },
  { id: LOS_ANGELES, fullname: 'Luis Alvarez', timezone: 'America/Los_Angeles' },
  { id: KOLKATA, fullname: 'Kavya Iyer', timezone: 'Asia/Kolkata' },
  { id: NO_ZONE, fullname: 'Uma Unset' },
  { id: LORD_HOWE, fullname: 'Lord Howe', timezone: 'Australia/Lord_Howe' },
  { id: KATHMANDU, fullname: 'Kiran Rai', timezone: 'Asia/Kathmandu' },
];

type Entry = { id: number; user_id: number; start: string; stop?: string | null; duration?: number; description?: string };

function dataset(entries: Entry[]) {
  return {
    workspaces: [{ id: 42, name: 'Zones' }],
    users,
    time_entries: entries.map((entry) => ({ workspace_id: 42, description: `entry ${entry.id}`, ...entry })),
  };
}

async function rowsOf(entries: Entry[], start_date: string, end_date: string) {
  const { header, rows } = await detailedCsv(loaded(dataset(entries)), 42, { start_date, end_date });
  return rows.map((row) => byHeader(header, row));
}

const times = (row: Record<string, string>) => [row['Start date'], row['Start time'], row['End date'], row['End time'], row['Duration']];

describe('local dates and times in the detailed CSV', () => {
  it.each([
    // [user, start, stop, start date, start time, end date, end time, duration]
    [
      'Tallinn in summer (+03:00)',
      TALLINN,
      '2026-07-14T06:00:00Z',
      '2026-07-14T07:15:30Z',
      '2026-07-14',
      '09:00:00',
      '2026-07-14',
      '10:15:30',
      '01:15:30',
    ],
    [
      'Tallinn in winter (+02:00)',
      TALLINN,
      '2026-01-14T06:00:00Z',
      '2026-01-14T07:00:00Z',
      '2026-01-14',
      '08:00:00',
      '2026-01-14',
      '09:00:00',
      '01:00:00',
    ],
    [
      'Tallinn across the autumn change (03:30 EEST to 04:30 EET is two hours)',
      TALLINN,
      '2026-10-25T00:30:00Z',
      '2026-10-25T02:30:00Z',
      '2026-10-25',
      '03:30:00',
      '2026-10-25',
      '04:30:00',
      '02:00:00',
    ],
    [
      'Tallinn across the spring change (02:30 EET to 04:30 EEST is one hour)',
      TALLINN,
      '2026-03-29T00:30:00Z',
      '2026-03-29T01:30:00Z',
      '2026-03-29',
      '02:30:00',
      '2026-03-29',
      '04:30:00',
      '01:00:00',
    ],
    [
      'Los Angeles in summer (-07:00)',
      LOS_ANGELES,
      '2026-07-14T16:00:00Z',
      '2026-07-14T17:00:00Z',
      '2026-07-14',
      '09:00:00',
      '2026-07-14',
      '10:00:00',
      '01:00:00',
    ],
    [
      'Los Angeles across the autumn change (01:30 PDT to 01:30 PST)',
      LOS_ANGELES,
      '2026-11-01T08:30:00Z',
      '2026-11-01T09:30:00Z',
      '2026-11-01',
      '01:30:00',
      '2026-11-01',
      '01:30:00',
      '01:00:00',
    ],
    [
      'Los Angeles across the spring change (01:30 PST to 03:30 PDT)',
      LOS_ANGELES,
      '2026-03-08T09:30:00Z',
      '2026-03-08T10:30:00Z',
      '2026-03-08',
      '01:30:00',
      '2026-03-08',
      '03:30:00',
      '01:00:00',
    ],
    [
      'Kolkata (+05:30)',
      KOLKATA,
      '2026-10-05T03:30:00Z',
      '2026-10-05T04:00:00Z',
      '2026-10-05',
      '09:00:00',
      '2026-10-05',
      '09:30:00',
      '00:30:00',
    ],
    [
      'Kolkata across its midnight',
      KOLKATA,
      '2026-10-05T18:15:00Z',
      '2026-10-05T19:15:00Z',
      '2026-10-05',
      '23:45:00',
      '2026-10-06',
      '00:45:00',
      '01:00:00',
    ],
    [
      'Kathmandu (+05:45)',
      KATHMANDU,
      '2026-10-05T03:00:00Z',
      '2026-10-05T03:20:00Z',
      '2026-10-05',
      '08:45:00',
      '2026-10-05',
      '09:05:00',
      '00:20:00',
    ],
    [
      'UTC for a user without a zone',
      NO_ZONE,
      '2026-10-05T23:30:00+02:00',
      '2026-10-06T01:00:00+02:00',
      '2026-10-05',
      '21:30:00',
      '2026-10-05',
      '23:00:00',
      '01:30:00',
    ],
    [
      "a start written in another zone's offset",
      TALLINN,
      '2026-10-05T08:00:00-07:00',
      '2026-10-05T09:00:00-07:00',
      '2026-10-05',
      '18:00:00',
      '2026-10-05',
      '19:00:00',
      '01:00:00',
    ],
    // Lord Howe's clocks go back half an hour on 5 April 2026, at 02:00 (+11:00) to 01:30 (+10:30).
    [
      'Lord Howe across its half-hour change',
      LORD_HOWE,
      '2026-04-04T14:45:00Z',
      '2026-04-04T15:45:00Z',
      '2026-04-05',
      '01:45:00',
      '2026-04-05',
      '02:15:00',
      '01:00:00',
    ],
  ] as const)('%s', async (_, user, start, stop, startDate, startTime, endDate, endTime, duration) => {
    const rows = await rowsOf([{ id: 1, user_id: user, start, stop }], '2026-01-01', '2026-12-31');
    expect(rows).toHaveLength(1);
    expect(times(rows[0]!)).toEqual([startDate, startTime, endDate, endTime, duration]);
  });

  it("puts an entry that crosses midnight on the day it starts on, in its user's zone", async () => {
    // 06:30Z on 5 October is 23:30 on 4 October in Los Angeles.
    const entries = [{ id: 1, user_id: LOS_ANGELES, start: '2026-10-05T06:30:00Z', stop: '2026-10-05T08:00:00Z' }];
    expect(await rowsOf(entries, '2026-10-05', '2026-10-05')).toEqual([]);
    const [row] = await rowsOf(entries, '2026-10-04', '2026-10-04');
    expect(times(row!)).toEqual(['2026-10-04', '23:30:00', '2026-10-05', '01:00:00', '01:30:00']);
  });

  it("bounds the period by each user's own midnight", async () => {
    // All four start at the same instant, 18:45Z on 5 October: 21:45 in Tallinn, 11:45 in Los Angeles,
    // 00:15 on 6 October in Kolkata and 18:45 in UTC.
    const entries = [TALLINN, LOS_ANGELES, KOLKATA, NO_ZONE].map((user) => ({
      id: user,
      user_id: user,
      start: '2026-10-05T18:45:00Z',
      duration: 600,
    }));
    const fifth = await rowsOf(entries, '2026-10-05', '2026-10-05');
    expect(fifth.map((row) => row['User']).sort()).toEqual(['Luis Alvarez', 'Tiina Tamm', 'Uma Unset']);
    const sixth = await rowsOf(entries, '2026-10-06', '2026-10-06');
    expect(sixth.map((row) => [row['User'], row['Start date'], row['Start time']])).toEqual([['Kavya Iyer', '2026-10-06', '00:15:00']]);
  });

  it('agrees with Intl for entries every 17 minutes across the DST days of each zone', async () => {
    const days: [number, string][] = [
      [TALLINN, '2026-10-24T12:00:00Z'],
      [TALLINN, '2026-03-28T12:00:00Z'],
      [LOS_ANGELES, '2026-10-31T18:00:00Z'],
      [LOS_ANGELES, '2026-03-07T18:00:00Z'],
      [LORD_HOWE, '2026-04-04T00:00:00Z'],
      [LORD_HOWE, '2026-10-03T00:00:00Z'],
      [KOLKATA, '2026-10-04T12:00:00Z'],
      [KATHMANDU, '2026-10-04T12:00:00Z'],
    ];
    const entries: Entry[] = [];
    for (const [user, from] of days) {
      for (let step = 0; step < (36 * 60) / 17; step += 1) {
        const at = Date.parse(from) + step * 17 * 60_000 + step * 7_000;
        entries.push({ id: entries.length + 1, user_id: user, start: new Date(at).toISOString(), duration: 1800 + step * 61 });
      }
    }
    const zoneOf = new Map(users.map((user) => [user.id, user.timezone ?? 'UTC']));
    const expected = entries.map((entry) => {
      const zone = zoneOf.get(entry.user_id)!;
      const start = wallClock(Date.parse(entry.start), zone);
      const end = wallClock(Date.parse(entry.start) + entry.duration! * 1000, zone);
      return [`entry ${entry.id}`, start.date, start.time, end.date, end.time].join(' ');
    });
    const rows = await rowsOf(entries, '2026-01-01', '2026-12-31');
    expect(
      rows.map((row) => [row['Description'], row['Start date'], row['Start time'], row['End date'], row['End time']].join(' ')).sort(),
    ).toEqual(expected.sort());
  });
});

describe('local days in the other reports', () => {
  it("the weekly report counts an entry that crosses midnight on its user's start day", async () => {
    const data = loaded(dataset([{ id: 1, user_id: LOS_ANGELES, start: '2026-10-05T06:30:00Z', stop: '2026-10-05T08:00:00Z' }]));
    const file = await exported(data, {
      operationId: 'exportWeeklyReportCsv',
      format: 'csv',
      workspaceId: 42,
      body: { start_date: '2026-10-04', end_date: '2026-10-10' },
    });
    const [header = [], ...rows] = csvRows(file.bytes);
    expect(rows).toHaveLength(1);
    const row = byHeader(header, rows[0]!);
    expect(row['Sun 2026-10-04']).toBe('01:30:00');
    expect(row['Mon 2026-10-05']).toBe('');
    expect(row['Total']).toBe('01:30:00');
  });
});
