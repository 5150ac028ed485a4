import type { PrismExample, PrismOperation } from './prism.ts';

/** The named examples an operation documents for `status`, in the spec's order (all its media types'). */
export function examplesOf(operation: PrismOperation, status: number | string): PrismExample[] {
  const response = operation.responses.find((candidate) => candidate.code === String(status));
  return response?.contents?.flatMap((content) => content.examples ?? []) ?? [];
}
