import { dayNumber, HOUR, type IsoDate, laterOn, MINUTE, weekday } from '../../calendar.ts';
import { compareText } from '../../text-order.ts';
import { instantOf } from '../../time-zones.ts';
import type { Entry, Tag, Task } from '../report-data.ts';
import { GROUPS, NO_PROJECT_DESCRIPTIONS, PROJECTS, SAMPLE_SEED, USERS } from './catalogue.ts';
import { isHoliday } from './holidays.ts';
import { type SeededRandom, seededRandom } from './seeded-random.ts';

const OVERTIME_AFTER = 18 * HOUR;
const NO_PROJECT_CHANCE = 0.1;
const UNTAGGED_CHANCE = 0.35;
const NON_BILLABLE_ON_BILLABLE_PROJECT_CHANCE = 0.1;
const TASK_CHANCE = 0.7;
/** Entry IDs are the day's number (offset so that year 1 is positive) times this, plus the entry's place in the day. */
const IDS_PER_DAY = 100;
const DAY_NUMBER_OFFSET = 800_000;

type Draft = Omit<Entry, 'id'>;

interface SampleLookups {
  tags: readonly Tag[];
  tasks: readonly Task[];
}

/** What a member's days are drawn from: the tags of their group, and their projects with the tasks of each. */
interface Tracker {
  user: (typeof USERS)[number];
  groupTags: readonly Tag[];
  overtime: Tag | undefined;
  projects: readonly { project: (typeof PROJECTS)[number]; tasks: readonly Task[] }[];
}

/**
 * The time entries of any day of the built-in workspace. Each day is drawn from its own seed,
 * so any day of any year can be made on its own, and always comes out the same: nothing on
 * weekends and holidays, and on working days one to four blocks per person who works that day.
 */
export function sampleDays(lookups: SampleLookups): (date: IsoDate) => Entry[] {
  const overtime = lookups.tags.find((tag) => tag.name === 'Overtime');
  const trackers = USERS.map((user): Tracker => {
    const group = GROUPS.find((candidate) => candidate.name === user.group);
    return {
      user,
      groupTags: lookups.tags.filter((tag) => (group?.tags as readonly string[] | undefined)?.includes(tag.name)),
      overtime,
      projects: PROJECTS.filter((project) => project.team.includes(user.name)).map((project) => ({
        project,
        tasks: lookups.tasks.filter((task) => task.projectId === project.id),
      })),
    };
  });
  return (date) => {
    const day = weekday(date);
    if (day === 0 || day === 6 || isHoliday(date)) return [];
    const random = seededRandom(SAMPLE_SEED ^ dayNumber(date));
    const drafts = trackers.flatMap((tracker) => (random.chance(tracker.user.trackingChance) ? trackDay(random, date, tracker) : []));
    const firstId = (dayNumber(date) + DAY_NUMBER_OFFSET) * IDS_PER_DAY + 1;
    return drafts.sort((a, b) => a.startsAt - b.startsAt || a.userId - b.userId).map((draft, index) => ({ id: firstId + index, ...draft }));
  };
}

function trackDay(random: SeededRandom, date: IsoDate, { user, groupTags, overtime, projects }: Tracker): Draft[] {
  const entries: Draft[] = [];
  let start = random.int(8 * HOUR, 10 * HOUR + 30 * MINUTE);
  const blocks = random.pick([1, 2, 2, 3, 3, 4]);
  for (let block = 0; block < blocks; block += 1) {
    const durationSeconds = random.int(20 * MINUTE, 3 * HOUR + 30 * MINUTE);
    const worked = random.chance(NO_PROJECT_CHANCE) ? null : random.pick(projects);
    const project = worked?.project ?? null;
    const task = worked && worked.tasks.length > 0 && random.chance(TASK_CHANCE) ? random.pick(worked.tasks) : null;
    const tagged = random.chance(UNTAGGED_CHANCE) ? [] : random.sample(groupTags, random.int(1, 2));
    if (tagged.length > 0 && overtime && start + durationSeconds > OVERTIME_AFTER) tagged.push(overtime);
    const startsAt = instantOf(date, start, user.timeZone);
    entries.push({
      userId: user.id,
      projectId: project?.id ?? null,
      taskId: task?.id ?? null,
      description: random.pick(project ? project.descriptions : NO_PROJECT_DESCRIPTIONS),
      billable: project?.billable === true && !random.chance(NON_BILLABLE_ON_BILLABLE_PROJECT_CHANCE),
      tagIds: tagged.sort((a, b) => compareText(a.name, b.name)).map((tag) => tag.id),
      start: { date, seconds: start },
      end: laterOn(date, start + durationSeconds),
      durationSeconds,
      startsAt,
      updatedAt: startsAt + durationSeconds * 1000,
    });
    start += durationSeconds + random.int(5 * MINUTE, 45 * MINUTE);
  }
  return entries;
}
