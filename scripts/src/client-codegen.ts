import { isJsonObject, MEDIA_TYPES, type OpenApiDocument, readExportOperations } from '@toggl-exports/spec-reader';
import { DO_NOT_EDIT, type GeneratedFile } from './generated-file.ts';

const clientGeneratedDir = 'packages/client/src/generated';

/** What the client needs to know about one export operation; a row of the generated table. */
export interface OperationRow {
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
  /** The longest period one request may cover, in days (`x-max-period-days`), if the operation has one. */
  maxPeriodDays?: number;
}

const kebabCase = (name: string) => name.replace(/[A-Z]/g, (letter, index: number) => (index ? '-' : '') + letter.toLowerCase());

/** One table row per export operation of the bundled spec, in the spec's order. */
export function operationRows(document: OpenApiDocument): OperationRow[] {
  return readExportOperations(document).map(({ operationId, path, formats, label, requestBody, authOptional, operation }) => {
    if (requestBody) {
      const mediaTypes = isJsonObject(requestBody.content) ? Object.keys(requestBody.content) : [];
      if (!mediaTypes.includes('application/json')) {
        throw new Error(
          `${label}: its requestBody takes [${mediaTypes.join(', ')}]; it must take application/json, the only body the client sends`,
        );
      }
    }
    const maxPeriodDays = operation['x-max-period-days'];
    if (maxPeriodDays !== undefined && !(Number.isInteger(maxPeriodDays) && (maxPeriodDays as number) > 0)) {
      throw new Error(`${label}: x-max-period-days is ${JSON.stringify(maxPeriodDays)}; it must be a whole number of days above 0`);
    }
    const suffix = new RegExp(`(${formats.join('|')})$`, 'i');
    return {
      operationId,
      summary: String(operation.summary ?? ''),
      description: String(operation.description ?? ''),
      path,
      formats: Object.fromEntries(formats.map((format) => [format, MEDIA_TYPES[format]])),
      authOptional,
      bodyRequired: requestBody?.required === true,
      fileName: kebabCase(operationId.replace(/^export/, '').replace(suffix, '')),
      ...(maxPeriodDays === undefined ? {} : { maxPeriodDays: maxPeriodDays as number }),
    };
  });
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
export function renderOperationsModule(rows: OperationRow[]): string {
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

/** Everything generated into the client package; `typesModule` is renderTypesModule's, which the report engine gets too. */
export function clientPackageFiles(document: OpenApiDocument, typesModule: string): GeneratedFile[] {
  return [
    { path: `${clientGeneratedDir}/openapi.ts`, contents: typesModule },
    { path: `${clientGeneratedDir}/operations.ts`, contents: renderOperationsModule(operationRows(document)) },
  ];
}
