import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import type { OpenApiDocument } from './bundle.ts';
import { formatOfMediaType, MEDIA_TYPES } from './export-formats.ts';
import { DO_NOT_EDIT, type GeneratedFile } from './generated-file.ts';
import { resolveRef, type JsonObject } from './spec-refs.ts';

const clientGeneratedDir = 'packages/client/src/generated';

/** What the client needs to know about one export operation; a row of the generated table. */
export interface ExportOperation {
  operationId: string;
  summary: string;
  description: string;
  path: string;
  /** Format name to the media type that the `Accept` header asks for. */
  formats: Record<string, string>;
  authOptional: boolean;
  bodyRequired: boolean;
  /** File name (without extension) used when the server names none. */
  fileName: string;
}

const asObject = (value: unknown, where: string): JsonObject => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`client codegen: ${where} must be an object`);
  }
  return value as JsonObject;
};

const kebabCase = (name: string) => name.replace(/[A-Z]/g, (letter, index: number) => (index ? '-' : '') + letter.toLowerCase());

function formatsOf(document: OpenApiDocument, operation: JsonObject, path: string, where: string): Record<string, string> {
  const responses = asObject(operation.responses, `${where} responses`);
  const ok = resolveRef(document, responses['200'], `${where} 200 response`);
  const mediaTypes = Object.keys(asObject(ok.content, `${where} 200 response content`));
  const formats: Record<string, string> = {};
  for (const mediaType of mediaTypes) {
    const format = formatOfMediaType(mediaType);
    if (!format) {
      throw new Error(
        `client codegen: ${where} answers 200 with "${mediaType}"; known file types are ${Object.values(MEDIA_TYPES).join(', ')}`,
      );
    }
    formats[format] = mediaType;
  }

  const extension = ((operation.parameters ?? []) as unknown[])
    .map((parameter, index) => resolveRef(document, parameter, `${where} parameter ${index}`))
    .find((parameter) => parameter.in === 'path' && parameter.name === 'extension');
  if (path.includes('{extension}')) {
    const allowed = (asObject(extension?.schema, `${where} extension schema`).enum ?? []) as string[];
    const offered = Object.keys(formats);
    if (allowed.length !== offered.length || !allowed.every((format) => format in formats)) {
      throw new Error(
        `client codegen: ${where} allows extensions [${allowed.join(', ')}] but its 200 response offers [${offered.join(', ')}]`,
      );
    }
    return Object.fromEntries(allowed.map((format) => [format, formats[format] as string]));
  }
  if (mediaTypes.length !== 1) {
    throw new Error(`client codegen: ${where} has no {extension} in its path, so its 200 response must offer exactly one file type`);
  }
  return formats;
}

/** Reads every export operation from the bundled spec, in the spec's order. */
export function exportOperations(document: OpenApiDocument): ExportOperation[] {
  const rows: ExportOperation[] = [];
  const globalSecurity = document.security as JsonObject[] | undefined;
  for (const [path, pathItem] of Object.entries(asObject(document.paths, 'paths'))) {
    for (const [method, value] of Object.entries(asObject(pathItem, path))) {
      if (method === 'parameters' || method.startsWith('x-') || method === 'summary' || method === 'description') continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (method !== 'post') throw new Error(`client codegen: ${where} is not a POST; the client only knows POST exports`);
      const operation = asObject(value, where);
      const operationId = operation.operationId;
      if (typeof operationId !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(operationId)) {
        throw new Error(`client codegen: ${where} needs a camelCase operationId to name its method`);
      }
      const formats = formatsOf(document, operation, path, where);
      const requestBody = operation.requestBody === undefined ? undefined : resolveRef(document, operation.requestBody, `${where} requestBody`);
      if (requestBody && !asObject(requestBody.content, `${where} requestBody content`)['application/json']) {
        throw new Error(`client codegen: ${where} must take an application/json body`);
      }
      const security = (operation.security ?? globalSecurity ?? []) as JsonObject[];
      const suffix = new RegExp(`(${Object.keys(formats).join('|')})$`, 'i');
      rows.push({
        operationId,
        summary: String(operation.summary ?? ''),
        description: String(operation.description ?? ''),
        path,
        formats,
        authOptional: security.length === 0 || security.some((requirement) => Object.keys(requirement).length === 0),
        bodyRequired: requestBody?.required === true,
        fileName: kebabCase(operationId.replace(/^export/, '').replace(suffix, '')),
      });
    }
  }
  return rows;
}

/** A JSDoc block, so editors show the spec's words on hover over the client's method. */
function docComment(paragraphs: string[]): string {
  const lines = paragraphs
    .map((text) => text.replaceAll('*/', '*\\/').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .flatMap((text, index) => (index ? ['', text] : [text]));
  return ['  /**', ...lines.map((line) => `   *${line ? ` ${line}` : ''}`), '   */'].join('\n');
}

/** The operations table as a TypeScript module: one entry per export, keyed by operationId. */
export function renderOperationsModule(rows: ExportOperation[]): string {
  const entries = rows.map(({ operationId, summary, description, ...row }) => {
    const body = JSON.stringify(row, null, 2).replace(/\n/g, '\n  ');
    return `${docComment([summary, description])}\n  ${operationId}: ${body},`;
  });
  return [
    `// ${DO_NOT_EDIT}`,
    '// The export operations of the spec: one row per method of the client.',
    '',
    'export const exportOperations = {',
    ...entries,
    '} as const;',
    '',
  ].join('\n');
}

/** `paths`, `operations` and `components` types of the spec, by openapi-typescript. */
export async function renderTypesModule(document: OpenApiDocument): Promise<string> {
  // Fields with a default are optional in a request body: the server fills them in.
  const ast = await openapiTS(structuredClone(document) as unknown as OpenAPI3, { silent: true, defaultNonNullable: false });
  return `// ${DO_NOT_EDIT}\n\n${astToString(ast)}`;
}

/** Everything generated into the client package. */
export async function clientPackageFiles(document: OpenApiDocument): Promise<GeneratedFile[]> {
  return [
    { path: `${clientGeneratedDir}/openapi.ts`, contents: await renderTypesModule(document) },
    { path: `${clientGeneratedDir}/operations.ts`, contents: renderOperationsModule(exportOperations(document)) },
  ];
}
