import { type ExportCase, exportCases, MEDIA_TYPES } from '@toggl-exports/spec-reader';
import { readMockSpec } from '../src/mock-spec.ts';

/** The mock's spec as the server loads it, arranged the way a test looks an export up. */

type Json = Record<string, any>;

const mockSpec: Json = readMockSpec();

export const { csv, xlsx, pdf } = MEDIA_TYPES;

/** Every operation in every format, with the spec's example path parameters and body. */
export const exports: ExportCase[] = exportCases(mockSpec);

export const byOperation = (operationId: string, mediaType?: string): ExportCase => {
  const found = exports.find((entry) => entry.operationId === operationId && (!mediaType || entry.mediaType === mediaType));
  if (!found) throw new Error(`no export ${operationId} ${mediaType ?? ''}`);
  return found;
};

/** A documented example's message, e.g. `exampleMessage('QuotaExhausted')`. */
export const exampleMessage = (name: string): string => mockSpec.components.examples[name].value;
