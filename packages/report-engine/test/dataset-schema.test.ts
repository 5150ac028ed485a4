// The published dataset schema (datasetSchema, dist/dataset.schema.json): plain draft-07 JSON that
// accepts and refuses the same shapes as loadDataset. Checked with a small validator written here.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { datasetSchema, loadDataset } from '../src/index.ts';
import { type Json, readmeDataset } from './support/readme-dataset.ts';

const distSchemaFile = fileURLToPath(new URL('../dist/dataset.schema.json', import.meta.url));

const DRAFT_07_KEYWORDS = new Set([
  '$schema',
  '$id',
  '$ref',
  '$comment',
  'title',
  'description',
  'default',
  'examples',
  'readOnly',
  'writeOnly',
  'type',
  'enum',
  'const',
  'format',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'items',
  'additionalItems',
  'maxItems',
  'minItems',
  'uniqueItems',
  'contains',
  'maxProperties',
  'minProperties',
  'required',
  'properties',
  'patternProperties',
  'additionalProperties',
  'dependencies',
  'propertyNames',
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'definitions',
]);
const TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'integer', 'string']);

/** Every subschema of a schema, with its JSON pointer. */
function* subschemas(schema: Json, at = '#'): Generator<[string, Json]> {
  yield [at, schema];
  for (const keyword of ['properties', 'patternProperties', 'definitions'] as const) {
    for (const [name, child] of Object.entries((schema[keyword] ?? {}) as Record<string, Json>))
      yield* subschemas(child, `${at}/${keyword}/${name}`);
  }
  if (schema['items'] && typeof schema['items'] === 'object') yield* subschemas(schema['items'], `${at}/items`);
  if (typeof schema['additionalProperties'] === 'object') yield* subschemas(schema['additionalProperties'], `${at}/additionalProperties`);
  for (const keyword of ['anyOf', 'allOf', 'oneOf'] as const)
    for (const [index, child] of ((schema[keyword] ?? []) as Json[]).entries()) yield* subschemas(child, `${at}/${keyword}/${index}`);
}

// --- a small validator for the draft-07 keywords the schema uses ---

const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;
function isRfc3339(text: string): boolean {
  const match = RFC_3339.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return (
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= daysInMonth &&
    hour! <= 23 &&
    minute! <= 59 &&
    second! <= 60 &&
    Number(match[9] ?? 0) <= 23 &&
    Number(match[10] ?? 0) <= 59
  );
}

const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  return typeOf(value) === type;
}

/** JSON paths (`$.a[0].b`) of the places where the value breaks the schema; empty when it fits. */
function validate(schema: Json, value: unknown, path = '$'): string[] {
  const errors: string[] = [];
  const child = (name: string | number) =>
    typeof name === 'number'
      ? `${path}[${name}]`
      : /^[A-Za-z_$][\w$]*$/.test(name)
        ? `${path}.${name}`
        : `${path}[${JSON.stringify(name)}]`;
  if (schema['anyOf']) {
    if (!(schema['anyOf'] as Json[]).some((option) => validate(option, value, path).length === 0)) errors.push(path);
    return errors;
  }
  if ('const' in schema && value !== schema['const']) return [path];
  if (schema['type'] !== undefined) {
    const types = Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type'] as string];
    if (!types.some((type) => hasType(value, type))) return [path];
  }
  if (typeof value === 'number') {
    if (schema['minimum'] !== undefined && value < schema['minimum']) errors.push(path);
    if (schema['maximum'] !== undefined && value > schema['maximum']) errors.push(path);
  }
  if (typeof value === 'string') {
    if (schema['minLength'] !== undefined && [...value].length < schema['minLength']) errors.push(path);
    if (schema['format'] === 'date-time' && !isRfc3339(value)) errors.push(path);
  }
  if (Array.isArray(value)) {
    if (schema['minItems'] !== undefined && value.length < schema['minItems']) errors.push(path);
    if (schema['items']) for (const [index, item] of value.entries()) errors.push(...validate(schema['items'], item, child(index)));
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of (schema['required'] ?? []) as string[]) if (!(name in object)) errors.push(child(name));
    const properties = (schema['properties'] ?? {}) as Record<string, Json>;
    const patterns = Object.entries((schema['patternProperties'] ?? {}) as Record<string, Json>);
    for (const [name, item] of Object.entries(object)) {
      let matched = false;
      if (name in properties) {
        matched = true;
        errors.push(...validate(properties[name]!, item, child(name)));
      }
      for (const [pattern, patternSchema] of patterns) {
        if (new RegExp(pattern, 'u').test(name)) {
          matched = true;
          errors.push(...validate(patternSchema, item, child(name)));
        }
      }
      if (!matched && schema['additionalProperties'] === false) errors.push(child(name));
      else if (!matched && typeof schema['additionalProperties'] === 'object')
        errors.push(...validate(schema['additionalProperties'], item, child(name)));
    }
  }
  return errors;
}

// --- samples: the README's dataset, and shapes it must refuse ---

const change = (edit: (dataset: Json) => void): Json => {
  const dataset = readmeDataset();
  edit(dataset);
  return dataset;
};

const shapeSamples: [string, Json, string | null][] = [
  ["the README's dataset", readmeDataset(), null],
  ['a minimal dataset', { workspaces: [{ id: 1, name: 'Solo' }] }, null],
  [
    'extra fields on Toggl objects',
    change((dataset) =>
      Object.assign(dataset.time_entries[0], { at: '2026-10-05T09:30:00Z', server_deleted_at: null, tags: ['Review'], wid: 42 }),
    ),
    null,
  ],
  [
    'a running entry',
    change((dataset) =>
      dataset.time_entries.push({ id: 5, workspace_id: 42, user_id: 7, start: '2026-10-05T10:00:00+03:00', stop: null, duration: -1 }),
    ),
    null,
  ],
  [
    'saved-report params of any shape',
    change((dataset) => (dataset.saved_reports[0].params = { start_date: 5, nested: { any: [1, 'x'] } })),
    null,
  ],
  ['a string ID', change((dataset) => (dataset.users[0].id = '7')), '$.users[0].id'],
  ['a fractional ID', change((dataset) => (dataset.projects[0].id = 200.5)), '$.projects[0].id'],
  ['an ID of 0', change((dataset) => (dataset.tags[0].id = 0)), '$.tags[0].id'],
  ['a missing name', change((dataset) => delete dataset.clients[0].name), '$.clients[0].name'],
  ['no workspaces', change((dataset) => delete dataset.workspaces), '$.workspaces'],
  ['an empty workspace list', change((dataset) => (dataset.workspaces = [])), '$.workspaces'],
  ['an unknown collection', change((dataset) => (dataset.people = [])), '$.people'],
  ['a date-time without offset', change((dataset) => (dataset.time_entries[0].start = '2026-10-05T08:00:00')), '$.time_entries[0].start'],
  ['a date that is not a date-time', change((dataset) => (dataset.time_entries[1].start = '2026-10-06')), '$.time_entries[1].start'],
  ['an unknown report kind', change((dataset) => (dataset.saved_reports[0].report = 'monthly')), '$.saved_reports[0].report'],
  ['a rounding of 2', change((dataset) => (dataset.workspaces[0].rounding = 2)), '$.workspaces[0].rounding'],
  ['a negative rate', change((dataset) => (dataset.projects[0].rate = -1)), '$.projects[0].rate'],
  ['a boolean given as a string', change((dataset) => (dataset.time_entries[0].billable = 'yes')), '$.time_entries[0].billable'],
  ['tag IDs that are not a list', change((dataset) => (dataset.time_entries[0].tag_ids = 400)), '$.time_entries[0].tag_ids'],
  ['an empty token', change((dataset) => (dataset.saved_reports[0].token = '')), '$.saved_reports[0].token'],
  ['a fractional duration', change((dataset) => (dataset.time_entries[1].duration = 1800.5)), '$.time_entries[1].duration'],
];

function schemas(): [string, Json][] {
  const list: [string, Json][] = [['datasetSchema', JSON.parse(JSON.stringify(datasetSchema)) as Json]];
  if (existsSync(distSchemaFile)) list.push(['dist/dataset.schema.json', JSON.parse(readFileSync(distSchemaFile, 'utf8')) as Json]);
  return list;
}

describe('the published dataset schema', () => {
  it('is built: dist/dataset.schema.json exists (turbo builds before the tests)', () => {
    expect(existsSync(distSchemaFile)).toBe(true);
  });

  it('dist/dataset.schema.json is datasetSchema as JSON, declaring draft-07', () => {
    const published = JSON.parse(readFileSync(distSchemaFile, 'utf8')) as Json;
    expect(published['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    const { $schema: _, ...rest } = published;
    expect(rest).toEqual(JSON.parse(JSON.stringify(datasetSchema)));
  });

  describe.each(schemas())('%s', (_, schema) => {
    it('uses only draft-07 keywords and type names, and requires only fields it describes', () => {
      for (const [at, sub] of subschemas(schema)) {
        for (const keyword of Object.keys(sub)) expect(DRAFT_07_KEYWORDS.has(keyword), `${at} uses "${keyword}"`).toBe(true);
        const types = sub['type'] === undefined ? [] : Array.isArray(sub['type']) ? sub['type'] : [sub['type']];
        for (const type of types) expect(TYPES.has(type), `${at} has type ${type}`).toBe(true);
        for (const name of (sub['required'] ?? []) as string[])
          expect(Object.keys(sub['properties'] ?? {}), `${at} requires ${name}`).toContain(name);
        if (sub['format'] !== undefined) expect(sub['format']).toBe('date-time');
        for (const pattern of Object.keys(sub['patternProperties'] ?? {})) expect(() => new RegExp(pattern, 'u')).not.toThrow();
      }
    });

    it('describes every collection of the README, closed at the top and open below', () => {
      expect(schema['type']).toBe('object');
      expect(schema['additionalProperties']).toBe(false);
      expect(schema['required']).toEqual(['workspaces']);
      const properties = schema['properties'] as Record<string, Json>;
      expect(Object.keys(properties).sort()).toEqual(
        ['$schema', 'clients', 'groups', 'projects', 'saved_reports', 'tags', 'tasks', 'time_entries', 'users', 'workspaces'].sort(),
      );
      const fields: Record<string, string[]> = {
        workspaces: ['id', 'name', 'default_currency', 'default_hourly_rate', 'rounding', 'rounding_minutes'],
        users: ['id', 'fullname', 'email', 'timezone', 'rate', 'labor_cost'],
        groups: ['id', 'name', 'user_ids'],
        clients: ['id', 'name'],
        projects: ['id', 'name', 'client_id', 'billable', 'rate', 'color'],
        tasks: ['id', 'name', 'project_id', 'rate'],
        tags: ['id', 'name'],
        time_entries: [
          'id',
          'workspace_id',
          'user_id',
          'project_id',
          'task_id',
          'description',
          'billable',
          'start',
          'stop',
          'duration',
          'tag_ids',
          'at',
        ],
        saved_reports: ['token', 'workspace_id', 'report', 'params', 'public', 'owner_user_id', 'name'],
      };
      for (const [collection, names] of Object.entries(fields)) {
        const items = properties[collection]!['items'] as Json;
        expect(properties[collection]!['type']).toBe('array');
        expect(Object.keys(items['properties']).sort(), collection).toEqual([...names].sort());
        // Any other field a Toggl object has is allowed (and ignored).
        expect(items['additionalProperties'], collection).not.toBe(false);
      }
      for (const field of ['start', 'stop', 'at'])
        expect(JSON.stringify(properties['time_entries']!['items']['properties'][field])).toContain('"format":"date-time"');
    });

    it.each(shapeSamples)('agrees with loadDataset on %s', (_, sample, firstProblemPath) => {
      const errors = validate(schema, sample);
      const result = loadDataset(sample);
      expect(errors.length === 0, JSON.stringify(errors)).toBe(firstProblemPath === null);
      expect(result.ok, JSON.stringify(!result.ok && result.problems)).toBe(firstProblemPath === null);
      if (firstProblemPath !== null) {
        expect(errors).toContain(firstProblemPath);
        expect(!result.ok && result.problems.map((problem) => problem.path)).toContain(firstProblemPath);
      }
    });

    it('leaves references, uniqueness and timing to loadDataset: shapes it accepts that the data refuses', () => {
      const samples = [
        change((dataset) => (dataset.time_entries[0].user_id = 99)),
        change((dataset) => (dataset.users[1].id = 7)),
        change((dataset) => (dataset.time_entries[0].stop = '2026-10-05T07:00:00Z')),
        change((dataset) => (dataset.users[0].timezone = 'Mars/Olympus')),
      ];
      for (const sample of samples) {
        expect(validate(schema, sample)).toEqual([]);
        expect(loadDataset(sample).ok).toBe(false);
      }
    });
  });
});
