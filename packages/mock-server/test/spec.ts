import { readMockSpec, readSampleFiles, sampleFileKey } from '../src/generated.ts';

/** The mock's spec and sample files as the server loads them, arranged the way a test looks them up. */

type Json = Record<string, any>;

const mockSpec: Json = readMockSpec();
const samples = readSampleFiles();

export const csv = 'text/csv';
export const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const pdf = 'application/pdf';
const extensions: Record<string, string> = { [csv]: 'csv', [xlsx]: 'xlsx', [pdf]: 'pdf' };

export interface Export {
  operationId: string;
  mediaType: string;
  /** A concrete URL path for this operation and format, with the spec's example parameters. */
  path: string;
  /** The operation's documented request body example, if any. */
  exampleBody: unknown;
  isSavedReport: boolean;
  sample: { filename: string; bytes: Buffer };
}

const parameterExample = (name: string): string => String(mockSpec.components.parameters[name].example);

export const exports: Export[] = Object.entries<Json>(mockSpec.paths).flatMap(([template, item]) => {
  const operation = item.post;
  return Object.keys(operation.responses['200'].content).map((mediaType) => {
    const sample = samples.get(sampleFileKey(operation.operationId, mediaType));
    if (!sample) throw new Error(`no sample file for ${operation.operationId} ${mediaType}`);
    return {
      operationId: operation.operationId,
      mediaType,
      path: template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'extension' ? extensions[mediaType]! : parameterExample(name))),
      exampleBody: operation.requestBody?.content['application/json'].example,
      isSavedReport: template.includes('/shared/'),
      sample,
    };
  });
});

export const byOperation = (operationId: string, mediaType?: string): Export => {
  const found = exports.find((entry) => entry.operationId === operationId && (!mediaType || entry.mediaType === mediaType));
  if (!found) throw new Error(`no export ${operationId} ${mediaType ?? ''}`);
  return found;
};

/** A documented example's message, e.g. `exampleMessage('QuotaExhausted')`. */
export const exampleMessage = (name: string): string => mockSpec.components.examples[name].value;
