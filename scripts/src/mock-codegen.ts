import { type ExportOperation, type OpenApiDocument, readExportOperations, resolveRef } from '@toggl-exports/spec-reader';
import { DO_NOT_EDIT, type GeneratedFile } from './generated-file.ts';

type Json = Record<string, any>;

const outDir = 'packages/mock-server/generated';

/**
 * The mock server's generated files: its copy of the bundled spec, with each request body in
 * the form Prism's validator enforces. The files the mock answers with are computed per request
 * by the report engine, so none are generated.
 */
export function mockServerFiles(document: OpenApiDocument): GeneratedFile[] {
  const spec = structuredClone(document) as Json;
  for (const operation of readExportOperations(spec)) closeComposedRequestBody(spec, operation);
  collapseNullableAnyOf(spec);
  const generated = { 'x-generated': `${DO_NOT_EDIT} The bundled spec, with request bodies as the mock's validator reads them.`, ...spec };
  return [{ path: `${outDir}/openapi.json`, contents: `${JSON.stringify(generated, null, 2)}\n` }];
}

const deref = (spec: Json, node: unknown, where: string): Json => resolveRef(spec, node, where) as Json;

const flattenableKeywords = new Set(['type', 'description', 'properties']);

/**
 * Prism validates with a draft-07 validator, which ignores `unevaluatedProperties`: a body
 * composed with `allOf` would accept any unknown field. Merging the parts into one object
 * with `additionalProperties: false` says the same thing in terms Prism enforces.
 */
function closeComposedRequestBody(spec: Json, { operationId, requestBody }: ExportOperation): void {
  for (const media of Object.values<Json>((requestBody as Json | undefined)?.content ?? {})) {
    const schema = deref(spec, media.schema ?? {}, `${operationId} request body`);
    if (!schema.allOf || schema.unevaluatedProperties !== false) continue;
    const properties: Json = {};
    for (const part of schema.allOf as Json[]) {
      const resolved = deref(spec, part, `${operationId} request body part`);
      const unexpected = Object.keys(resolved).filter((keyword) => !flattenableKeywords.has(keyword));
      if (unexpected.length > 0) throw new Error(`cannot merge ${part.$ref ?? 'an allOf part'}: it uses ${unexpected.join(', ')}`);
      for (const [name, property] of Object.entries<Json>(resolved.properties ?? {})) {
        if (name in properties && JSON.stringify(properties[name]) !== JSON.stringify(property)) {
          throw new Error(`cannot merge the parts of ${operationId}'s body: they define '${name}' differently`);
        }
        properties[name] = property;
      }
    }
    const { allOf: _allOf, unevaluatedProperties: _unevaluated, ...rest } = schema;
    media.schema = { ...rest, type: 'object', properties, additionalProperties: false };
  }
}

const isNullSchema = (node: unknown): boolean =>
  typeof node === 'object' && node !== null && Object.keys(node).length === 1 && (node as Json).type === 'null';

/**
 * `anyOf: [{ type: integer, ... }, { type: 'null' }]`, which generators type as `number | null`,
 * becomes `{ type: [integer, 'null'], ... }`, the same constraint in one schema: the validator
 * then reports one problem ("must be integer,null") where anyOf would give three, and the mock
 * keeps naming the field and its expected types in one message.
 */
function collapseNullableAnyOf(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) collapseNullableAnyOf(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Json;
  const parts = schema.anyOf;
  if (Array.isArray(parts) && parts.length === 2 && parts.some(isNullSchema)) {
    const other = parts.find((part) => !isNullSchema(part)) as Json;
    if (typeof other?.type === 'string' && !('$ref' in other)) {
      delete schema.anyOf;
      Object.assign(schema, other, { type: [other.type, 'null'] });
    }
  }
  for (const value of Object.values(schema)) collapseNullableAnyOf(value);
}
