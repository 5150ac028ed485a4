import { readMockSpec } from '../src/mock-spec.ts';

/** The mock's spec as the server loads it, arranged the way a test looks an export up. */

type Json = Record<string, any>;

const mockSpec: Json = readMockSpec();

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
}

const parameterExample = (name: string): string => String(mockSpec.components.parameters[name].example);
const deref = (node: Json): Json => (node.$ref ? deref(node.$ref.slice(2).split('/').reduce((at: Json, key: string) => at[key], mockSpec)) : node);

export const exports: Export[] = Object.entries<Json>(mockSpec.paths).flatMap(([template, item]) => {
  const operation = item.post;
  return Object.keys(deref(operation.responses['200']).content).map((mediaType) => ({
    operationId: operation.operationId,
    mediaType,
    path: template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'extension' ? extensions[mediaType]! : parameterExample(name))),
    exampleBody: operation.requestBody?.content['application/json'].example,
    isSavedReport: template.includes('/shared/'),
  }));
});

export const byOperation = (operationId: string, mediaType?: string): Export => {
  const found = exports.find((entry) => entry.operationId === operationId && (!mediaType || entry.mediaType === mediaType));
  if (!found) throw new Error(`no export ${operationId} ${mediaType ?? ''}`);
  return found;
};

/** A documented example's message, e.g. `exampleMessage('QuotaExhausted')`. */
export const exampleMessage = (name: string): string => mockSpec.components.examples[name].value;
