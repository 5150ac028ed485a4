import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { builtInData, MAX_PERIOD_DAYS, MAX_ROUNDING_MINUTES, WEEKLY_GROUPINGS, WEEKLY_MAX_DAYS } from '@toggl-exports/report-engine';
import { resolveRef } from '@toggl-exports/spec-reader';
import fc from 'fast-check';

/*
 * What the fuzzer knows about the API, all read from the bundled spec (`@toggl-exports/openapi`):
 * the operations, their paths, body fields with types, formats, enums and minimums, which bodies
 * are closed to unknown fields, and the documented error messages and example names. From it come
 * arbitraries for valid bodies and for bodies with exactly one thing wrong.
 */

type Json = Record<string, any>;

const require = createRequire(import.meta.url);
const spec: Json = JSON.parse(readFileSync(require.resolve('@toggl-exports/openapi/openapi.json'), 'utf8'));

const follow = (node: Json): Json => resolveRef(spec, node, "the fuzzer's spec");

/** A schema with its references followed and `allOf` parts merged. */
export interface FieldSchema {
  types: string[];
  enum?: unknown[];
  default?: unknown;
  format?: string;
  minimum?: number;
  pattern?: string;
  items?: FieldSchema;
  properties: Record<string, FieldSchema>;
  /** Unknown properties are rejected. */
  closed: boolean;
  minProperties: number;
}

function normalize(node: Json): FieldSchema {
  const schema = nullableAnyOfMerged(follow(node));
  const parts = ((schema.allOf ?? []) as Json[]).map(normalize);
  const properties: Record<string, FieldSchema> = {};
  for (const part of parts) Object.assign(properties, part.properties);
  for (const [name, property] of Object.entries<Json>(schema.properties ?? {})) properties[name] = normalize(property);
  const types = schema.type !== undefined ? [schema.type].flat() : parts.length > 0 || schema.properties ? ['object'] : [];
  return {
    types,
    ...(schema.enum && { enum: schema.enum }),
    ...(schema.default !== undefined && { default: schema.default }),
    ...(schema.format && { format: schema.format }),
    ...(schema.minimum !== undefined && { minimum: schema.minimum }),
    ...(schema.pattern && { pattern: schema.pattern }),
    ...(schema.items && { items: normalize(schema.items) }),
    properties,
    closed: schema.additionalProperties === false || schema.unevaluatedProperties === false,
    minProperties: schema.minProperties ?? 0,
  };
}

/** `anyOf: [{ type: integer, ... }, { type: 'null' }]` read as `{ type: [integer, 'null'], ... }`. */
function nullableAnyOfMerged(schema: Json): Json {
  const parts = (schema.anyOf ?? []) as Json[];
  const isNull = (part: Json) => part.type === 'null' && Object.keys(part).length === 1;
  const other = parts.find((part) => !isNull(part));
  if (parts.length !== 2 || !parts.some(isNull) || typeof other?.type !== 'string') return schema;
  const { anyOf: _anyOf, ...rest } = schema;
  return { ...rest, ...other, type: [other.type, 'null'] };
}

export interface FuzzOperation {
  operationId: string;
  /** One concrete path per file format, with the spec's example parameters. */
  paths: string[];
  /** The path with a placeholder for the workspace ID, if it has one. */
  pathWithWorkspace?: (workspaceId: string) => string;
  body: FieldSchema;
  bodyRequired: boolean;
  /** Answers without credentials (public saved reports). */
  authOptional: boolean;
  /** Documented messages by status. */
  messages: Map<number, string[]>;
  /** Documented example names and the status each belongs to. */
  exampleStatus: Map<string, number>;
}

const parameterExample = (name: string) => String(spec.components.parameters[name].example);

export const operations: FuzzOperation[] = Object.entries<Json>(spec.paths).map(([template, item]) => {
  const operation = item.post;
  const extensions: string[] = template.includes('{extension}') ? spec.components.parameters.extension.schema.enum : [''];
  const fill = (extension: string, workspaceId = parameterExample('workspace_id')) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) =>
      name === 'extension' ? extension : name === 'workspace_id' ? workspaceId : parameterExample(name),
    );
  const messages = new Map<number, string[]>();
  const exampleStatus = new Map<string, number>();
  for (const [code, response] of Object.entries<Json>(operation.responses)) {
    for (const [name, example] of Object.entries<Json>(follow(response).content?.['application/json']?.examples ?? {})) {
      const value = follow(example).value;
      if (typeof value === 'string') messages.set(Number(code), [...(messages.get(Number(code)) ?? []), value]);
      exampleStatus.set(name, Number(code));
    }
  }
  const requestBody = operation.requestBody ? follow(operation.requestBody) : undefined;
  return {
    // Counterexamples name the operation rather than print all of the above.
    [fc.toStringMethod]: () => operation.operationId,
    operationId: operation.operationId,
    paths: extensions.map((extension) => fill(extension)),
    ...(template.includes('{workspace_id}') && { pathWithWorkspace: (workspaceId: string) => fill(extensions[0]!, workspaceId) }),
    body: normalize(requestBody?.content['application/json'].schema ?? { type: 'object' }),
    bodyRequired: requestBody?.required === true,
    authOptional: (operation.security ?? spec.security).some((requirement: Json) => Object.keys(requirement).length === 0),
    messages,
    exampleStatus,
  };
});

/** Regular expressions of every documented path, to tell an unknown path from a known one. */
export const knownPaths = Object.keys(spec.paths).map(
  (template) => new RegExp(`^${template.replace(/\./g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
);

// ---------------------------------------------------------------------------------------------
// Valid values

const date = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((value) => value.toISOString().slice(0, 10));

function validOfType(type: string, schema: FieldSchema): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      if (schema.format === 'date') return date;
      if (schema.format === 'uri') return fc.webUrl();
      return schema.pattern ? fc.stringMatching(new RegExp(schema.pattern)) : fc.string({ maxLength: 40, unit: 'grapheme' });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: 1_000_000_000 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valid(schema.items ?? normalize({})), { maxLength: 4 });
    case 'object':
      return validObject(schema);
    default:
      throw new Error(`the fuzzer does not know the type '${type}'`);
  }
}

export function valid(schema: FieldSchema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.types.length === 0) return fc.jsonValue();
  return fc.oneof(...schema.types.map((type) => validOfType(type, schema)));
}

/**
 * Pairs of fields where the first may not exceed the second, found by name as the spec names
 * them: `start_date`/`end_date` and `min_x`/`max_x`.
 */
export function orderedPairs(schema: FieldSchema): [low: string, high: string][] {
  const names = Object.keys(schema.properties);
  const pairs: [string, string][] = names.includes('start_date') && names.includes('end_date') ? [['start_date', 'end_date']] : [];
  for (const name of names)
    if (name.startsWith('min_') && names.includes(`max_${name.slice(4)}`)) pairs.push([name, `max_${name.slice(4)}`]);
  return pairs;
}

function validObject(schema: FieldSchema): fc.Arbitrary<Json> {
  const fields = Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, valid(property)]));
  return fc
    .record(fields, { requiredKeys: [] })
    .map((body) => {
      const ordered: Json = { ...body };
      for (const [low, high] of orderedPairs(schema)) {
        if (ordered[low] !== undefined && ordered[high] !== undefined && ordered[low] > ordered[high]) {
          [ordered[low], ordered[high]] = [ordered[high], ordered[low]];
        }
      }
      return ordered;
    })
    .filter((body) => Object.keys(body).length >= schema.minProperties);
}

// ---------------------------------------------------------------------------------------------
// Invalid values: one thing wrong, and the field name the error message must carry

export interface InvalidBody {
  body: unknown;
  /** What is wrong, for the report of a failing case. */
  problem: string;
  /** The message names this field (as `a.b` or `a[1]`), or is a message the operation documents. */
  field?: string;
}

const isInteger = (value: number) => Number.isInteger(value);

/** Values of every JSON type the schema does not allow. */
function wrongType(schema: FieldSchema): fc.Arbitrary<unknown> | undefined {
  const allows = (type: string) => schema.types.includes(type);
  const candidates: fc.Arbitrary<unknown>[] = [];
  if (!allows('string')) candidates.push(fc.string({ maxLength: 20 }));
  if (!allows('integer') && !allows('number')) candidates.push(fc.integer());
  if (!allows('number')) candidates.push(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !isInteger(value)));
  if (!allows('boolean')) candidates.push(fc.boolean());
  if (!allows('null')) candidates.push(fc.constant(null));
  if (!allows('array')) candidates.push(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }));
  if (!allows('object')) candidates.push(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }));
  return candidates.length > 0 ? fc.oneof(...candidates) : undefined;
}

const notADate = fc
  .oneof(
    fc.string({ maxLength: 20 }).filter((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text)),
    // The right shape, but no such day.
    fc
      .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 13, max: 99 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => [y, m, d]),
    fc
      .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 32, max: 99 }))
      .map(([y, m, d]) => [y, m, d]),
    fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.constantFrom(2, 4, 6, 9, 11), fc.constant(31)).map(([y, m, d]) => [y, m, d]),
    fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.constant(2), fc.constant(30)).map(([y, m, d]) => [y, m, d]),
    fc
      .integer({ min: 1901, max: 2099 })
      .filter((y) => y % 4 !== 0)
      .map((y) => [y, 2, 29]),
    fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.constant(0), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => [y, m, d]),
    fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.constant(0)).map(([y, m, d]) => [y, m, d]),
    date.map((day) => `${day}T00:00:00Z`),
  )
  .map((value) => (Array.isArray(value) ? value.map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0')).join('-') : value));

/** Ways to get one value wrong for this schema, each with what is wrong. */
function invalidValues(schema: FieldSchema): fc.Arbitrary<{ value: unknown; problem: string; index?: number }>[] {
  const found: fc.Arbitrary<{ value: unknown; problem: string; index?: number }>[] = [];
  const typeError = wrongType(schema);
  if (typeError) found.push(typeError.map((value) => ({ value, problem: 'wrong type' })));
  if (schema.enum) {
    const outside = schema.types.includes('integer')
      ? fc.integer().filter((value) => !schema.enum!.includes(value))
      : fc.string({ maxLength: 20 }).filter((value) => !schema.enum!.includes(value));
    found.push(outside.map((value) => ({ value, problem: 'not an allowed value' })));
  }
  if (schema.format === 'date') found.push(notADate.map((value) => ({ value, problem: 'not a date' })));
  if (schema.minimum !== undefined) {
    found.push(fc.integer({ min: -1_000_000_000, max: schema.minimum - 1 }).map((value) => ({ value, problem: 'below the minimum' })));
  }
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    found.push(
      fc
        .string({ maxLength: 10 })
        .filter((value) => !pattern.test(value))
        .map((value) => ({ value, problem: 'does not match the pattern' })),
    );
  }
  if (schema.items) {
    // One bad item among good ones.
    for (const bad of invalidValues(schema.items)) {
      found.push(
        fc
          .tuple(fc.array(valid(schema.items), { maxLength: 3 }), bad, fc.array(valid(schema.items), { maxLength: 3 }))
          .map(([before, item, after]) => ({
            value: [...before, item.value, ...after],
            problem: `an item ${item.problem}`,
            index: before.length,
          })),
      );
    }
  }
  return found;
}

const displayName = (path: string[]) => path.join('.');

/** The same object with `value` put at `path`, creating objects on the way. */
function withValue(body: Json, path: string[], value: unknown): Json {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) return { ...body, [head]: value };
  const inner = typeof body[head] === 'object' && body[head] !== null && !Array.isArray(body[head]) ? body[head] : {};
  return { ...body, [head]: withValue(inner, rest, value) };
}

/** Every field of an object schema, nested ones included, with its path. */
function fieldsOf(schema: FieldSchema, prefix: string[] = []): { path: string[]; schema: FieldSchema }[] {
  return Object.entries(schema.properties).flatMap(([name, property]) => [
    { path: [...prefix, name], schema: property },
    ...(property.types.includes('object') ? fieldsOf(property, [...prefix, name]) : []),
  ]);
}

/** Object schemas that reject unknown fields, with their paths. */
function closedObjects(schema: FieldSchema, prefix: string[] = []): string[][] {
  if (!schema.closed) return [];
  return [
    prefix,
    ...Object.entries(schema.properties).flatMap(([name, property]) =>
      property.types.includes('object') ? closedObjects(property, [...prefix, name]) : [],
    ),
  ];
}

/**
 * Bodies with exactly one thing wrong for an operation: a field of the wrong type, outside its
 * enum, not a date, below its minimum, not matching its pattern, a bad item in a list, an
 * unknown field, two fields in the wrong order, an empty body where a field is required, or a
 * body that is not an object at all.
 */
export function invalidBodies(operation: FuzzOperation): fc.Arbitrary<InvalidBody> {
  const { body: schema } = operation;
  const base = validObject({ ...schema, minProperties: 0 });
  const cases: fc.Arbitrary<InvalidBody>[] = [];

  for (const field of fieldsOf(schema)) {
    for (const invalid of invalidValues(field.schema)) {
      cases.push(
        fc.tuple(base, invalid).map(([body, { value, problem, index }]) => ({
          body: withValue(body, field.path, value),
          problem: `${displayName(field.path)}: ${problem}`,
          field: index === undefined ? displayName(field.path) : `${displayName(field.path)}[${index}]`,
        })),
      );
    }
  }
  for (const objectPath of closedObjects(schema)) {
    const known = objectPath.reduce((at, name) => at.properties[name]!, schema).properties;
    const unknownName = fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }).filter((name) => !(name in known));
    cases.push(
      fc.tuple(base, unknownName, fc.jsonValue({ maxDepth: 2 })).map(([body, name, value]) => ({
        body: withValue(body, [...objectPath, name], value),
        problem: `unknown field ${JSON.stringify(name)}`,
        field: displayName([...objectPath, name]),
      })),
    );
  }
  for (const { path, schema: objectSchema } of [
    { path: [] as string[], schema },
    ...fieldsOf(schema).filter((field) => field.schema.types.includes('object')),
  ]) {
    for (const [low, high] of orderedPairs(objectSchema)) {
      const values =
        objectSchema.properties[low]!.format === 'date'
          ? date
          : fc.integer({ min: objectSchema.properties[low]!.minimum ?? 0, max: 1_000_000 });
      cases.push(
        fc
          .tuple(base, values, values)
          .filter(([, a, b]) => a !== b)
          .map(([body, a, b]) => {
            const [larger, smaller] = (a as number | string) > (b as number | string) ? [a, b] : [b, a];
            return {
              body: withValue(withValue(body, [...path, low], larger), [...path, high], smaller),
              problem: `${low} after ${high}`,
              field: displayName([...path, high]),
            };
          }),
      );
    }
  }
  if (schema.minProperties > 0) cases.push(fc.constant({ body: {}, problem: 'empty body' }));
  const notAnObject = fc.oneof(
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
  );
  cases.push(notAnObject.map((body) => ({ body, problem: 'not an object' })));
  if (operation.bodyRequired) cases.push(fc.constant({ body: null, problem: 'null body' }));
  return fc.oneof(...cases);
}

const daysAfter = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const builtInCurrency = builtInData.workspace(1)!.currency;

/**
 * The report engine's rules that the spec cannot state: a period of at most a year (a week for
 * the weekly report), amounts in the workspace's own currency, a summary sub-group other than
 * its group, a weekly grouping the engine knows, a rounding step of at most a day. A body valid
 * by the spec is moved inside them, so that "valid" means a body the mock computes a file for.
 * Each rule's own 400 is tested in reports.test.ts.
 */
function withinEngineRules({ operationId, body: schema }: FuzzOperation, body: Json): Json {
  const inside: Json = { ...body };
  const maxDays = operationId.startsWith('exportWeeklyReport') ? WEEKLY_MAX_DAYS : MAX_PERIOD_DAYS;
  if (inside.start_date !== undefined && inside.end_date !== undefined && inside.end_date > daysAfter(inside.start_date, maxDays - 1)) {
    inside.end_date = daysAfter(inside.start_date, maxDays - 1);
  }
  if (inside.currency !== undefined) inside.currency = builtInCurrency;
  if (inside.audit?.group_filter?.currency !== undefined)
    inside.audit = { ...inside.audit, group_filter: { ...inside.audit.group_filter, currency: builtInCurrency } };
  if (inside.sub_grouping !== undefined && inside.sub_grouping === (inside.grouping ?? schema.properties['grouping']?.default))
    delete inside.sub_grouping;
  if (operationId.startsWith('exportWeeklyReport') && !(WEEKLY_GROUPINGS as readonly unknown[]).includes(inside.grouping))
    delete inside.grouping;
  if (typeof inside.rounding_minutes === 'number') inside.rounding_minutes = Math.abs(inside.rounding_minutes) % (MAX_ROUNDING_MINUTES + 1);
  return inside;
}

/** A valid body for the operation (or none, where the body is optional). */
export function validBody(operation: FuzzOperation): fc.Arbitrary<Json | undefined> {
  const body = validObject(operation.body).map((candidate) => withinEngineRules(operation, candidate));
  return operation.bodyRequired ? body : fc.option(body, { nil: undefined });
}
