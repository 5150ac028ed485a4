import {
  EXPORT_FORMATS,
  isJsonObject,
  MEDIA_TYPES,
  type OpenApiDocument,
  readExportOperations,
  resolveRef,
} from '@toggl-exports/spec-reader';
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

/** A JSON value as a TypeScript literal: JSON.stringify's, with the keys that are identifiers unquoted. */
const tsLiteral = (value: unknown): string => JSON.stringify(value, null, 2).replace(/"([a-z_][a-z0-9_]*)":/gi, '$1:');

export function renderBodyDefaultsModule(defaults: Record<string, Defaults>): string {
  return [
    `// ${DO_NOT_EDIT}`,
    '// The default of each request body field, per export operation, as the spec declares it.',
    '',
    `export const bodyDefaults = ${tsLiteral(defaults)} as const;`,
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

/** Everything generated into the report engine: the spec's types (`typesModule`, renderTypesModule's), its body defaults and the formats. */
export function reportEnginePackageFiles(document: OpenApiDocument, typesModule: string): GeneratedFile[] {
  return [
    { path: `${engineGeneratedDir}/openapi.ts`, contents: typesModule },
    { path: `${engineGeneratedDir}/body-defaults.ts`, contents: renderBodyDefaultsModule(bodyDefaults(document)) },
    { path: `${engineGeneratedDir}/formats.ts`, contents: renderFormatsModule() },
  ];
}
