import type { OpenApiDocument } from './bundle.ts';
import type { ExportFixture } from './fixtures/index.ts';
import { DO_NOT_EDIT, type GeneratedFile } from './generated-file.ts';
import { exportOperations } from './spec-exports.ts';
import { resolveRef } from './spec-refs.ts';

/** One line of `generated/fixtures.json`: where the server finds the bytes of an operation's file. */
export interface FixtureManifestEntry {
  operationId: string;
  mediaType: string;
  filename: string;
  file: string;
}

type Json = Record<string, any>;

const outDir = 'packages/mock-server/generated';
const exampleKey = 'SampleExport';

/**
 * The mock server's generated files: its copy of the bundled spec, with every 200 response
 * carrying the operation's sample file as an example, and the sample files' bytes.
 */
export function mockServerFiles(document: OpenApiDocument, fixtures: readonly ExportFixture[]): GeneratedFile[] {
  const spec = structuredClone(document) as Json;
  const byKey = new Map(fixtures.map((fixture) => [`${fixture.operationId} ${fixture.mediaType}`, fixture]));
  if (byKey.size !== fixtures.length) throw new Error('two fixtures share an operation and media type');

  const files: GeneratedFile[] = [];
  const manifest: FixtureManifestEntry[] = [];
  for (const { operationId, label, operation } of exportOperations(spec)) {
    const responses = deref(spec, operation['responses'], `${label} responses`);
    const ok = structuredClone(deref(spec, responses['200'], `${label} 200 response`));
    for (const [mediaType, media] of Object.entries<Json>(ok.content)) {
      const key = `${operationId} ${mediaType}`;
      const fixture = byKey.get(key);
      if (!fixture) throw new Error(`no fixture for ${key}`);
      byKey.delete(key);
      const file = `fixtures/${operationId}.${fixture.format}`;
      media.examples = { [exampleKey]: exampleOf(fixture, file) };
      files.push({ path: `${outDir}/${file}`, contents: fixture.bytes });
      manifest.push({ operationId, mediaType, filename: fixture.filename, file });
    }
    responses['200'] = ok;
    closeComposedRequestBody(spec, operation);
  }
  if (byKey.size > 0) throw new Error(`fixtures for unknown operations: ${[...byKey.keys()].join(', ')}`);

  const generated = { 'x-generated': `${DO_NOT_EDIT} The bundled spec with the mock's sample files as examples.`, ...spec };
  return [
    { path: `${outDir}/openapi.json`, contents: `${JSON.stringify(generated, null, 2)}\n` },
    { path: `${outDir}/fixtures.json`, contents: `${JSON.stringify({ $comment: DO_NOT_EDIT, fixtures: manifest }, null, 2)}\n` },
    ...files,
  ];
}

/** Text formats are shown inline; binary ones point at the file beside the spec. */
function exampleOf(fixture: ExportFixture, file: string): Json {
  const summary = `Sample ${fixture.format.toUpperCase()} export (${fixture.filename})`;
  if (fixture.mediaType.startsWith('text/')) {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(fixture.bytes);
    if (Buffer.from(text, 'utf8').equals(Buffer.from(fixture.bytes))) return { summary, value: text };
  }
  return { summary, externalValue: file };
}

const deref = (spec: Json, node: unknown, where: string): Json => resolveRef(spec, node, where) as Json;

const flattenableKeywords = new Set(['type', 'description', 'properties']);

/**
 * Prism validates with a draft-07 validator, which ignores `unevaluatedProperties`: a body
 * composed with `allOf` would accept any unknown field. Merging the parts into one object
 * with `additionalProperties: false` says the same thing in terms Prism enforces.
 */
function closeComposedRequestBody(spec: Json, operation: Json): void {
  for (const media of Object.values<Json>(operation.requestBody?.content ?? {})) {
    const schema = deref(spec, media.schema ?? {}, `${operation.operationId} request body`);
    if (!schema.allOf || schema.unevaluatedProperties !== false) continue;
    const properties: Json = {};
    for (const part of schema.allOf as Json[]) {
      const resolved = deref(spec, part, `${operation.operationId} request body part`);
      const unexpected = Object.keys(resolved).filter((keyword) => !flattenableKeywords.has(keyword));
      if (unexpected.length > 0) throw new Error(`cannot merge ${part.$ref ?? 'an allOf part'}: it uses ${unexpected.join(', ')}`);
      for (const [name, property] of Object.entries<Json>(resolved.properties ?? {})) {
        if (name in properties && JSON.stringify(properties[name]) !== JSON.stringify(property)) {
          throw new Error(`cannot merge the parts of ${operation.operationId}'s body: they define '${name}' differently`);
        }
        properties[name] = property;
      }
    }
    const { allOf: _allOf, unevaluatedProperties: _unevaluated, ...rest } = schema;
    media.schema = { ...rest, type: 'object', properties, additionalProperties: false };
  }
}
