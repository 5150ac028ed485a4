import { writeFile } from 'node:fs/promises';
import path from 'node:path';

/*
 * A large dataset for the mock's `--data`, in Toggl's API v9 field names: one workspace, 100
 * people in ten time zones, 12 clients, 40 projects with rates and tasks, tags and groups, and
 * 200,000 time entries, 7 or 8 per person on every working day (Monday to Friday) of 2025,
 * back to back from about 08:00 in the person's zone and over well before midnight, so that the
 * whole dataset lies inside that year. Drawn from a seeded generator: every run writes the same
 * file.
 */

export const bigDataset = { workspaceId: 2025, year: 2025, entries: 200_000 } as const;

/** A 32-bit linear congruential generator (Numerical Recipes' constants): enough for spreading test data. */
function seededRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * below);
  };
}

/** Each zone with its standard offset; times are written with it, so summer times read an hour later, still within the day. */
const zones: [name: string, offset: string][] = [
  ['America/Los_Angeles', '-08:00'],
  ['America/Chicago', '-06:00'],
  ['America/New_York', '-05:00'],
  ['America/Sao_Paulo', '-03:00'],
  ['Europe/London', '+00:00'],
  ['Europe/Berlin', '+01:00'],
  ['Europe/Tallinn', '+02:00'],
  ['Asia/Kolkata', '+05:30'],
  ['Asia/Tokyo', '+09:00'],
  ['Australia/Sydney', '+10:00'],
];
const firstNames = ['Ada', 'Bruno', 'Chen', 'Dana', 'Emeka', 'Freya', 'Gabriel', 'Hana', 'Ines', 'Jonas'];
const lastNames = ['Moreau', 'Okafor', 'Wei', 'Kowalski', 'Adeyemi', 'Lindqvist', 'Santos', 'Sato', 'Haddad', 'Novak'];
const taskNames = ['Discovery', 'Design', 'Development', 'QA'];
const tagNames = [
  'Meeting',
  'Research',
  'Design',
  'Development',
  'Code review',
  'Bugfix',
  'Remote',
  'On site',
  'Overtime',
  'Support',
  'Planning',
  'Writing',
  'Travel',
  'Training',
  'Urgent',
];
const descriptions = [
  'Sprint planning',
  'Stand-up',
  'Client call',
  'Code review',
  'Fix "flaky" test',
  'Write specs',
  'Deploy to staging',
  'Design review',
  'Customer support',
  'Refactor billing module',
  'Update dependencies',
  'Research competitors',
  'Prepare demo',
  'Pair programming',
  'Invoice, quarterly',
  'Onboarding',
  'Accessibility audit',
  'Performance tuning',
  'Retrospective',
  'Documentation',
  '',
];

const pad = (value: number) => String(value).padStart(2, '0');
const clock = (seconds: number) => `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;

function workingDays(year: number): string[] {
  const days: string[] = [];
  for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day.setUTCDate(day.getUTCDate() + 1)) {
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

function bigDatasetJson(): string {
  const random = seededRandom(20250101);
  const { workspaceId, year, entries } = bigDataset;
  const users = Array.from({ length: 100 }, (_, index) => ({
    id: 1001 + index,
    fullname: `${firstNames[index % 10]} ${lastNames[Math.floor(index / 10)]}`,
    email: `user${1001 + index}@bench.example`,
    timezone: zones[index % zones.length]![0],
    rate: index % 3 === 0 ? 60 + random(60) : null,
    labor_cost: 30 + random(40),
  }));
  const clients = Array.from({ length: 12 }, (_, index) => ({ id: 2001 + index, name: `Client ${index + 1}` }));
  const projects = Array.from({ length: 40 }, (_, index) => {
    const internal = index % 8 === 7;
    return {
      id: 3001 + index,
      name: `Project ${index + 1}`,
      client_id: internal ? null : clients[index % clients.length]!.id,
      billable: !internal,
      rate: internal || index % 5 === 4 ? null : 80 + random(80),
      color: `#${(0x100000 + random(0xefffff)).toString(16)}`,
    };
  });
  const tasks = projects
    .flatMap((project, index) =>
      index % 4 === 3
        ? []
        : taskNames
            .slice(0, 2 + (index % 3))
            .map((name) => ({ name, project_id: project.id, rate: random(4) === 0 ? 100 + random(60) : null })),
    )
    .map((task, index) => ({ id: 4001 + index, ...task }));
  const tags = tagNames.map((name, index) => ({ id: 5001 + index, name }));
  const groups = ['Design', 'Engineering', 'Support', 'Sales', 'Management'].map((name, index) => ({
    id: 6001 + index,
    name,
    user_ids: users.filter((_, user) => user % 5 === index).map((user) => user.id),
  }));
  const tasksOf = new Map(projects.map((project) => [project.id, tasks.filter((task) => task.project_id === project.id)]));

  const days = workingDays(year);
  const userDays = days.length * users.length;
  const timeEntries: Record<string, unknown>[] = [];
  // Entries are spread over the person-days exactly: each gets 7 or 8, adding up to `entries`.
  for (let userDay = 0; userDay < userDays; userDay++) {
    const date = days[Math.floor(userDay / users.length)]!;
    const userIndex = userDay % users.length;
    const offset = zones[userIndex % zones.length]![1];
    const count = Math.floor(((userDay + 1) * entries) / userDays) - Math.floor((userDay * entries) / userDays);
    let seconds = 8 * 3600 + random(60) * 60;
    for (let index = 0; index < count; index++) {
      const project = random(10) === 0 ? undefined : projects[(userIndex * 7 + random(4) * 11) % projects.length]!;
      const projectTasks = project ? tasksOf.get(project.id)! : [];
      const task = projectTasks.length > 0 && random(10) < 7 ? projectTasks[random(projectTasks.length)]! : undefined;
      const duration = 900 + random(3600);
      const tagCount = random(3);
      const tagIds = [...new Set(Array.from({ length: tagCount }, () => tags[random(tags.length)]!.id))];
      timeEntries.push({
        id: timeEntries.length + 1,
        workspace_id: workspaceId,
        user_id: users[userIndex]!.id,
        project_id: project?.id ?? null,
        task_id: task?.id ?? null,
        description: descriptions[random(descriptions.length)],
        billable: project?.billable === true && random(10) < 9,
        start: `${date}T${clock(seconds)}${offset}`,
        stop: `${date}T${clock(seconds + duration)}${offset}`,
        duration,
        tag_ids: tagIds,
      });
      seconds += duration + random(11) * 60;
    }
  }
  const workspaces = [{ id: workspaceId, name: 'Bench Workspace', default_currency: 'EUR', default_hourly_rate: 90 }];
  return JSON.stringify({ workspaces, users, groups, clients, projects, tasks, tags, time_entries: timeEntries });
}

/** Writes the dataset as `big-dataset.json` in `directory`; returns its path and size. */
export async function writeBigDataset(directory: string): Promise<{ file: string; bytes: number }> {
  const file = path.join(directory, 'big-dataset.json');
  const json = bigDatasetJson();
  await writeFile(file, json);
  return { file, bytes: Buffer.byteLength(json) };
}
