import type { ErrorObject } from 'ajv/dist/2020.js';
import { mustBe, oneOfList, shownValue } from './wording.ts';

/** What is wrong with a body: the message, and the JSON path of the value it is about (`project_ids[2]`; `''` for the body itself). */
export interface BodyProblem {
  message: string;
  field: string;
}

type Schema = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The segments of a JSON Pointer (`/audit/group_filter`), or of a schema path (`#/allOf/0`) whose segments are URI-encoded too. */
const pointerSegments = (pointer: string): string[] =>
  pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((segment) => decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~'));

const child = (container: unknown, segment: string): unknown =>
  Array.isArray(container) ? container[Number(segment)] : isObject(container) ? container[segment] : undefined;

/** The value at a pointer in the body and its JSON path: a list's index in brackets, a field's name after a dot. */
function locate(body: unknown, pointer: string): { value: unknown; field: string } {
  let value = body;
  let field = '';
  for (const segment of pointerSegments(pointer)) {
    field = Array.isArray(value) ? `${field}[${segment}]` : field ? `${field}.${segment}` : segment;
    value = child(value, segment);
  }
  return { value, field };
}

const subjectOf = (field: string): string => field || 'the body';
const joined = (field: string, name: string): string => (field ? `${field}.${name}` : name);

/** The schema whose keyword an error is about. */
function schemaOf(root: Schema, error: ErrorObject): Schema {
  const node = pointerSegments(error.schemaPath).slice(0, -1).reduce<unknown>(child, root);
  return isObject(node) ? node : {};
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'a JSON object',
  null: 'null',
};

/** The string formats of the spec, in words; a format that is not here is named as it is. */
export const FORMAT_WORDS: Readonly<Record<string, string>> = {
  date: 'a date (YYYY-MM-DD)',
  uri: 'an absolute URI (https://…)',
  int64: 'an integer',
};

const typesOf = (schema: Schema): string[] =>
  typeof schema['type'] === 'string' ? [schema['type']] : Array.isArray(schema['type']) ? schema['type'].map(String) : [];

/** What a schema allows, in words: its values, its format or its types. */
function allowedBy(schema: Schema): string {
  if (Array.isArray(schema['enum'])) return oneOfList(schema['enum']);
  const branches = schema['anyOf'] ?? schema['oneOf'];
  if (Array.isArray(branches)) return branches.map((branch) => allowedBy(isObject(branch) ? branch : {})).join(' or ');
  const format = schema['format'];
  if (typeof format === 'string' && typesOf(schema).includes('string')) return FORMAT_WORDS[format] ?? `a ${format} string`;
  return typesOf(schema)
    .map((type) => TYPE_WORDS[type] ?? type)
    .join(' or ');
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Whether a value is of one of the types a schema allows (every type, when it names none). */
function hasTypeOf(schema: Schema, value: unknown): boolean {
  const types = typesOf(schema);
  const type = jsonType(value);
  return types.length === 0 || types.includes(type) || (type === 'integer' && types.includes('number'));
}

/** All the fields a schema declares, through its `allOf` parts, in the schema's order. */
const fieldsOf = (schema: Schema): string[] => [
  ...Object.keys(isObject(schema['properties']) ? schema['properties'] : {}),
  ...(Array.isArray(schema['allOf']) ? schema['allOf'] : []).flatMap((part) => (isObject(part) ? fieldsOf(part) : [])),
];

const COMPARISON_WORDS: Readonly<Record<string, string>> = { '>=': 'at least', '>': 'greater than', '<=': 'at most', '<': 'less than' };

/**
 * The problem an ajv error is about. `errors` are all of the validation's: the errors of an
 * `anyOf`'s branches come before the `anyOf`'s own.
 */
function problemOf(error: ErrorObject, errors: readonly ErrorObject[], schema: Schema, body: unknown): BodyProblem {
  const { value, field } = locate(body, error.instancePath);
  const subject = subjectOf(field);
  const node = schemaOf(schema, error);
  switch (error.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const unknown = joined(field, String(error.params['additionalProperty'] ?? error.params['unevaluatedProperty']));
      const owner = field ? field : "this report's body";
      return { message: `${unknown} is not a field of ${owner}; its fields are ${fieldsOf(node).join(', ')}`, field: unknown };
    }
    case 'anyOf':
    case 'oneOf': {
      // A value of a type one branch takes is told what that branch wants of it (`must be at least 1`, not `an integer or null`).
      const branches = (node[error.keyword] as unknown[]).map((branch) => (isObject(branch) ? branch : {}));
      const index = branches.findIndex((branch) => hasTypeOf(branch, value));
      const branchErrors = errors.filter((other) => other.schemaPath.startsWith(`${error.schemaPath}/${index}/`));
      const decisive = branchErrors.at(-1);
      if (index >= 0 && decisive) return problemOf(decisive, branchErrors, schema, body);
      return { message: mustBe(subject, allowedBy(node), value), field };
    }
    case 'type':
    case 'enum':
      return { message: mustBe(subject, allowedBy(node), value), field };
    case 'format': {
      const format = String(error.params['format']);
      return { message: mustBe(subject, FORMAT_WORDS[format] ?? `a ${format} value`, value), field };
    }
    case 'pattern':
      return { message: mustBe(subject, `a string matching ${String(error.params['pattern'])}`, value), field };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const comparison = COMPARISON_WORDS[String(error.params['comparison'])] ?? String(error.params['comparison']);
      return { message: mustBe(subject, `${comparison} ${String(error.params['limit'])}`, value), field };
    }
    default:
      // A keyword the spec's bodies do not use yet: ajv's own words ("must NOT have more than 3 items").
      return { message: `${subject} ${error.message ?? 'is not valid'}; got ${shownValue(value)}`, field };
  }
}

/** The problem ajv stopped at: the last of its errors, which the others (an `anyOf`'s branches) lead up to. */
export function firstBodyProblem(errors: readonly ErrorObject[], schema: Schema, body: unknown): BodyProblem | undefined {
  const decisive = errors.at(-1);
  return decisive && problemOf(decisive, errors, schema, body);
}
