import { readFile } from 'node:fs/promises';
import { usageError } from './exit-codes.js';
import type { Period } from './period.js';

/** The filter flags every command takes, with the body field each one fills. */
export interface FilterFlags {
  project?: string[];
  client?: string[];
  user?: string[];
  tag?: string[];
  billable?: string;
  description?: string;
}

/** Flags whose IDs may be `none`: entries without a project, client or tag. */
const idListFields = {
  project: { field: 'project_ids', none: true },
  client: { field: 'client_ids', none: true },
  tag: { field: 'tag_ids', none: true },
  user: { field: 'user_ids', none: false },
} as const;

type Body = Record<string, unknown>;

const isObject = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);

function idList(flag: keyof typeof idListFields, values: string[]): (number | null)[] {
  const { none } = idListFields[flag];
  return values
    .flatMap((value) => value.split(','))
    .map((item) => {
      const trimmed = item.trim();
      if (none && trimmed === 'none') return null;
      if (/^\d+$/.test(trimmed) && Number(trimmed) > 0 && Number.isSafeInteger(Number(trimmed))) return Number(trimmed);
      throw usageError(
        `--${flag} ${JSON.stringify(item)} is not an ID; use a number such as 1234${none ? ', or none for entries without one' : ''}.`,
      );
    });
}

const billableValues: Record<string, boolean> = { yes: true, true: true, no: false, false: false };

const exactNumbers = `use a number from ${Number.MIN_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}, or quote it to send it as text`;

/** Why JSON.parse did not keep a number as written, if it did not: too large (sent as null), or a whole number past 2^53 (rounded). */
function numberProblem(value: number): string | undefined {
  if (!Number.isFinite(value)) return 'is too large for JSON';
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) return 'is beyond the whole numbers JSON keeps exactly';
  return undefined;
}

/** The items of an array (`ids[1]`) or the fields of an object (`grouping.a`, or `a` at the top), by place. */
function itemsOf(value: unknown, place: string): [string, unknown][] {
  if (Array.isArray(value)) return value.map((item, index) => [`${place}[${index}]`, item]);
  if (isObject(value)) return Object.entries(value).map(([key, item]) => [place ? `${place}.${key}` : key, item]);
  return [];
}

/** The first number inside a parsed JSON value that is not the one written: its place, why, and what would be sent. */
function inexactNumber(value: unknown, place: string): string | undefined {
  if (typeof value === 'number') {
    const problem = numberProblem(value);
    return problem && `${place} ${problem} and would be sent as ${JSON.stringify(value)}`;
  }
  for (const [itemPlace, item] of itemsOf(value, place)) {
    const problem = inexactNumber(item, itemPlace);
    if (problem) return problem;
  }
  return undefined;
}

/** `key=value`; the value is read as JSON when it is JSON (`5`, `true`, `[1,2]`), else as text. */
function setting(assignment: string): [string, unknown] {
  const at = assignment.indexOf('=');
  const key = assignment.slice(0, at).trim();
  if (at < 1 || !key) throw usageError(`--set ${JSON.stringify(assignment)} has no key; use key=value, e.g. --set grouping=users.`);
  const text = assignment.slice(at + 1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [key, text];
  }
  const problem = inexactNumber(value, key);
  if (problem) throw usageError(`--set ${key}: ${problem}; ${exactNumbers}.`);
  return [key, value];
}

async function bodyFile(path: string): Promise<Body> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw usageError(`--body: cannot read ${path} (${error.code}); give a JSON file with the report's fields.`);
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw usageError(`--body: ${path} is not valid JSON (${(error as Error).message}).`);
  }
  if (!isObject(value)) throw usageError(`--body: ${path} must hold a JSON object such as {"grouping": "users"}.`);
  const problem = inexactNumber(value, '');
  if (problem) throw usageError(`--body: ${path}: ${problem}; ${exactNumbers}.`);
  return value;
}

export interface BodyInput {
  bodyPath?: string;
  sets: string[];
  filters: FilterFlags;
  period: Partial<Period>;
}

/** The request body: `--body` first, then the filter and period flags, then each `--set`, later ones winning. */
export async function buildBody({ bodyPath, sets, filters, period }: BodyInput): Promise<Body> {
  const body: Body = bodyPath === undefined ? {} : await bodyFile(bodyPath);
  if (period.start !== undefined) body.start_date = period.start;
  if (period.end !== undefined) body.end_date = period.end;
  for (const flag of Object.keys(idListFields) as (keyof typeof idListFields)[]) {
    const values = filters[flag];
    if (values?.length) body[idListFields[flag].field] = idList(flag, values);
  }
  if (filters.billable !== undefined) {
    const billable = billableValues[filters.billable.toLowerCase()];
    if (billable === undefined) throw usageError(`--billable ${JSON.stringify(filters.billable)} is not allowed; use yes or no.`);
    body.billable = billable;
  }
  if (filters.description !== undefined) body.description = filters.description;
  for (const assignment of sets) {
    const [key, value] = setting(assignment);
    body[key] = value;
  }
  return body;
}

/** The period the body asks for, when it names both dates: what chunking needs. */
export function periodOfBody(body: Body): Period | undefined {
  const { start_date: start, end_date: end } = body;
  return typeof start === 'string' && typeof end === 'string' ? { start, end } : undefined;
}
