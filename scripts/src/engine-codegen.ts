import {
  EXPORT_FORMATS,
  type ExportOperation,
  isJsonObject,
  MEDIA_TYPES,
  type OpenApiDocument,
  readExportOperations,
  resolveRef,
} from '@toggl-exports/spec-reader';
import { Ajv2020, Name } from 'ajv/dist/2020.js';
// ajv's standalone module is CommonJS: its default export, imported from ESM, is the module, whose `default` is the function.
import standaloneCode from 'ajv/dist/standalone/index.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { DO_NOT_EDIT, type GeneratedFile } from './generated-file.ts';

const engineGeneratedDir = 'packages/report-engine/src/generated';

type Defaults = { [field: string]: unknown };

/**
 * The `default` of every property of a body schema, through `allOf` parts and `$ref`s, and of
 * the properties of nested objects (`audit.show_tracked_groups`), keyed as in the body.
 */
export function schemaDefaults(document: OpenApiDocument, schema: unknown, where: string): Defaults {
  const resolved = resolveRef(document, schema, where);
  const defaults: Defaults = {};
  for (const part of Array.isArray(resolved['allOf']) ? resolved['allOf'] : [])
    Object.assign(defaults, schemaDefaults(document, part, `${where} allOf`));
  const properties = isJsonObject(resolved['properties']) ? resolved['properties'] : {};
  for (const [name, property] of Object.entries(properties)) {
    const field = resolveRef(document, property, `${where}.${name}`);
    const own = isJsonObject(property) && 'default' in property ? property['default'] : field['default'];
    if (own !== undefined) defaults[name] = own;
    else if (isJsonObject(field['properties'])) {
      const nested = schemaDefaults(document, field, `${where}.${name}`);
      if (Object.keys(nested).length > 0) defaults[name] = nested;
    }
  }
  return defaults;
}

/** Per export operation, the defaults the spec gives its body's fields. */
export function bodyDefaults(document: OpenApiDocument): Record<string, Defaults> {
  return Object.fromEntries(
    readExportOperations(document).map(({ operationId, label, jsonBody }) => {
      const schema = jsonBody?.['schema'];
      return [operationId, schema === undefined ? {} : schemaDefaults(document, schema, `${label} body`)];
    }),
  );
}

/** Annotations: the body check reads none of them (the defaults are in body-defaults.ts), so the schemas leave them out. */
const ANNOTATIONS = new Set(['title', 'description', 'default', 'example', 'examples', 'deprecated']);
/** Keywords whose value maps names to schemas; the names are the body's, never keywords. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs']);
/** Keywords whose value is data to compare with, not a schema. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'required']);

/**
 * A schema with every `$ref` replaced by the schema it points to, so that it needs nothing else
 * of the spec, and without annotations. Beside a `$ref` only annotations may stand: merging
 * another keyword with the target's could change what the schema allows.
 */
export function standaloneSchema(document: OpenApiDocument, schema: unknown, where: string, refsFollowed: readonly string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((part, index) => standaloneSchema(document, part, `${where}[${index}]`, refsFollowed));
  if (!isJsonObject(schema)) return schema;
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const besides = Object.keys(schema).filter((keyword) => keyword !== '$ref' && !ANNOTATIONS.has(keyword));
    if (besides.length > 0) throw new Error(`${where}: ${besides.join(', ')} beside a $ref; only annotations may stand there`);
    if (refsFollowed.includes(ref)) throw new Error(`${where}: "${ref}" refers to itself, so it cannot be written out in full`);
    return standaloneSchema(document, resolveRef(document, schema, where), `${where} (${ref})`, [...refsFollowed, ref]);
  }
  const standalone: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    if (DATA_KEYWORDS.has(keyword)) standalone[keyword] = value;
    else if (SCHEMA_MAPS.has(keyword) && isJsonObject(value))
      standalone[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, part]) => [name, standaloneSchema(document, part, `${where}.${name}`, refsFollowed)]),
      );
    else standalone[keyword] = standaloneSchema(document, value, `${where} ${keyword}`, refsFollowed);
  }
  return standalone;
}

/** A workspace's export, as opposed to a saved report's: its path names the workspace. */
const isWorkspaceExport = (operation: ExportOperation): boolean =>
  operation.parameters.some((parameter) => parameter['in'] === 'path' && parameter['name'] === 'workspace_id');

/** Per workspace export operation, its request body's JSON Schema, standing alone. */
export function bodySchemas(document: OpenApiDocument): Record<string, unknown> {
  return Object.fromEntries(
    readExportOperations(document)
      .filter(isWorkspaceExport)
      .map(({ operationId, label, jsonBody }) => {
        const schema = jsonBody?.['schema'];
        if (schema === undefined) throw new Error(`${label} has no JSON request body schema, which the report engine checks bodies with`);
        return [operationId, standaloneSchema(document, schema, `${label} body`)];
      }),
  );
}

/**
 * The schema of the `workspace_id` path parameter, standing alone: what `exportReport` checks
 * its `workspaceId` against. Every workspace export must take the same one.
 */
export function workspaceIdSchema(document: OpenApiDocument): unknown {
  const found = readExportOperations(document).flatMap(({ label, parameters }) =>
    parameters
      .filter((parameter) => parameter['in'] === 'path' && parameter['name'] === 'workspace_id')
      .map((parameter) => ({ label, schema: standaloneSchema(document, parameter['schema'], `${label} workspace_id`) })),
  );
  const [first] = found;
  if (!first) throw new Error('no export takes a workspace_id path parameter');
  const differs = found.find(({ schema }) => JSON.stringify(schema) !== JSON.stringify(first.schema));
  if (differs) throw new Error(`${differs.label} takes another workspace_id than ${first.label}: one schema is checked for every export`);
  return first.schema;
}

/** A JSON value as a TypeScript literal: JSON.stringify's, with the keys that are identifiers unquoted. */
const tsLiteral = (value: unknown): string => JSON.stringify(value, null, 2).replace(/"([a-z_][a-z0-9_]*)":/gi, '$1:');

/** A generated module that exports one constant, `value` as a TypeScript literal, under a line saying what it is. */
function constantModule(about: string, name: string, value: unknown, asConst: boolean): string {
  return [`// ${DO_NOT_EDIT}`, `// ${about}`, '', `export const ${name} = ${tsLiteral(value)}${asConst ? ' as const' : ''};`, ''].join(
    '\n',
  );
}

export const renderBodyDefaultsModule = (defaults: Record<string, Defaults>): string =>
  constantModule('The default of each request body field, per export operation, as the spec declares it.', 'bodyDefaults', defaults, true);

export const renderBodySchemasModule = (schemas: Record<string, unknown>): string =>
  constantModule(
    "The JSON Schema (2020-12) of each workspace export's request body, its $refs written out and its annotations left out.",
    'bodySchemas',
    schemas,
    false,
  );

export const renderPathParametersModule = (workspaceId: unknown): string =>
  constantModule(
    "The schema of the exports' workspace_id path parameter, which exportReport checks its workspaceId against.",
    'workspaceIdSchema',
    workspaceId,
    true,
  );

/** What the validators module names the string formats' checks by; `request/body-formats.ts` in the engine gives it. */
const FORMATS_NAME = 'bodyFormats';

/**
 * Each body schema's validator as ajv's standalone code: compiled here, once, so that the engine
 * neither compiles at run time (tens of milliseconds per operation, and `new Function`, which a
 * page's Content-Security-Policy may forbid) nor carries ajv's compiler. The code may need
 * nothing but the formats' checks, which the engine imports from ajv-formats: anything else ajv
 * would `require` fails here, rather than in a browser.
 */
export function renderBodyValidatorsModule(schemas: Record<string, unknown>): string {
  const ajv = new Ajv2020({
    formats: fullFormats,
    // The bodies' `type: object` stands in their allOf parts, which strictTypes would warn about.
    strictTypes: false,
    code: { source: true, esm: true, formats: new Name(FORMATS_NAME) },
  });
  for (const [operationId, schema] of Object.entries(schemas)) ajv.addSchema(schema as object, operationId);
  const code = standaloneCode.default(ajv, Object.fromEntries(Object.keys(schemas).map((operationId) => [operationId, operationId])));
  const required = /require\("([^"]+)"\)/.exec(code);
  if (required) throw new Error(`the body validators need "${required[1]}", which the engine does not import`);
  return [
    '// @ts-nocheck (ajv writes JavaScript; `request/check-body.ts` types what it exports)',
    `// ${DO_NOT_EDIT}`,
    "// Each workspace export's request-body validator, compiled from body-schemas.ts by ajv (standalone code).",
    `import { ${FORMATS_NAME} } from '../request/body-formats.ts';`,
    '',
    code.replace(/^"use strict";/, ''),
    '',
  ].join('\n');
}

/** The file formats and their media types, which the engine renders and the mock server sends. */
export function renderFormatsModule(): string {
  return [
    `// ${DO_NOT_EDIT}`,
    '// The file formats of the exports and the media type each is sent as.',
    '',
    `export const EXPORT_FORMATS = ${JSON.stringify(EXPORT_FORMATS)} as const;`,
    'export type ExportFormat = (typeof EXPORT_FORMATS)[number];',
    '',
    `export const MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = ${tsLiteral(MEDIA_TYPES)};`,
    '',
  ].join('\n');
}

/** Everything generated into the report engine: the spec's types (`typesModule`, renderTypesModule's), its body defaults and schemas, the formats and the workspace ID's schema. */
export function reportEnginePackageFiles(document: OpenApiDocument, typesModule: string): GeneratedFile[] {
  const schemas = bodySchemas(document);
  return [
    { path: `${engineGeneratedDir}/openapi.ts`, contents: typesModule },
    { path: `${engineGeneratedDir}/body-defaults.ts`, contents: renderBodyDefaultsModule(bodyDefaults(document)) },
    { path: `${engineGeneratedDir}/body-schemas.ts`, contents: renderBodySchemasModule(schemas) },
    { path: `${engineGeneratedDir}/body-validators.ts`, contents: renderBodyValidatorsModule(schemas) },
    { path: `${engineGeneratedDir}/formats.ts`, contents: renderFormatsModule() },
    { path: `${engineGeneratedDir}/path-parameters.ts`, contents: renderPathParametersModule(workspaceIdSchema(document)) },
  ];
}
