import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { type ValueError, ValueErrorType } from '@sinclair/typebox/errors';
import { datasetSchema } from './dataset-schema.ts';

/** Something wrong with a dataset: where (a JSON path such as `$.time_entries[3].start`) and what. */
export interface DatasetProblem {
  path: string;
  message: string;
}

/** Reporting stops after this many problems: enough to fix a file in one go, short enough to read. */
export const MAX_PROBLEMS = 10;

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;
/** The shape of an RFC 3339 date-time; whether it names a real moment (no 30 February) is checked when it is read. */
const isDateTimeShape = (value: string): boolean => RFC_3339.test(value);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const number = (text: string, from: number) => (text.charCodeAt(from) - 48) * 10 + (text.charCodeAt(from + 1) - 48);

/**
 * Milliseconds since the epoch of an RFC 3339 date-time, or undefined when it names no moment.
 * `Date.parse` reads 30 February as 2 March, so the parts are checked against the calendar first
 * (at their fixed places: the shape is the schema's to check).
 */
export function epochOfDateTime(value: string): number | undefined {
  if (!RFC_3339.test(value)) return undefined;
  const year = Number(value.slice(0, 4));
  const month = number(value, 5);
  const day = number(value, 8);
  const daysInMonth = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (
    daysInMonth === undefined ||
    day < 1 ||
    day > daysInMonth ||
    number(value, 11) > 23 ||
    number(value, 14) > 59 ||
    number(value, 17) > 59
  )
    return undefined;
  const zone = value.at(-1) === 'Z' || value.at(-1) === 'z' ? undefined : value.slice(-5);
  if (zone !== undefined && (number(zone, 0) > 23 || number(zone, 3) > 59)) return undefined;
  const moment = Date.parse(value);
  return Number.isNaN(moment) ? undefined : moment;
}

let compiled: TypeCheck<typeof datasetSchema> | undefined;
function checker(): TypeCheck<typeof datasetSchema> {
  if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', isDateTimeShape);
  compiled ??= TypeCompiler.Compile(datasetSchema);
  return compiled;
}

/** `/time_entries/3/start` → `$.time_entries[3].start`. */
function jsonPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce(
      (path, part) =>
        /^\d+$/.test(part) ? `${path}[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `${path}.${part}` : `${path}[${JSON.stringify(part)}]`,
      '$',
    );
}

/** One of a collection's records, in words: `time_entries` → `time entry`. */
export const singular = (collection: string): string => collection.replace(/ies$/, 'y').replace(/s$/, '').replaceAll('_', ' ');

/** A value as a message shows it: short, and never more than a line. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const typeNames: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

/** What a schema allows, in words: `a whole number of at least 1 or null`. */
function expected(schema: TSchema): string {
  if (Array.isArray(schema.anyOf)) {
    const consts = (schema.anyOf as TSchema[]).map((part) => part.const);
    if (consts.every((value) => typeof value === 'string')) return `one of ${consts.join(', ')}`;
    return (schema.anyOf as TSchema[]).map(expected).join(' or ');
  }
  if (schema.format === 'date-time') return 'a date-time with its offset, e.g. 2026-10-01T09:30:00+02:00';
  const name = typeNames[String(schema.type)] ?? String(schema.type);
  if (schema.minimum !== undefined && schema.maximum !== undefined) return `${name} from ${schema.minimum} to ${schema.maximum}`;
  if (schema.minimum !== undefined) return `${name} of at least ${schema.minimum}`;
  if (schema.minLength !== undefined) return `${name} of at least ${schema.minLength} character`;
  return name;
}

function messageOf(error: ValueError): string {
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return `is missing; expected ${expected(error.schema)}`;
    case ValueErrorType.ObjectAdditionalProperties:
      return `is not part of a dataset, which holds ${Object.keys(datasetSchema.properties).join(', ')}`;
    case ValueErrorType.ArrayMinItems: {
      const least = Number(error.schema.minItems);
      const list = error.path.split('/').at(-1) ?? '';
      return `must list at least ${least === 1 ? `one ${singular(list)}` : `${least} ${list.replaceAll('_', ' ')}`}`;
    }
    default:
      return `expected ${expected(error.schema)}, got ${describeValue(error.value)}`;
  }
}

/** Problems with the dataset's shape (types, formats, required fields); empty when it fits the schema. */
export function schemaProblems(value: unknown): DatasetProblem[] {
  const check = checker();
  if (check.Check(value)) return [];
  const problems: DatasetProblem[] = [];
  const reported = new Set<string>();
  for (const error of check.Errors(value)) {
    // A missing field is reported twice (required, then its type): once is enough.
    if (reported.has(error.path)) continue;
    reported.add(error.path);
    problems.push({ path: jsonPath(error.path), message: messageOf(error) });
    if (problems.length === MAX_PROBLEMS) break;
  }
  return problems;
}
