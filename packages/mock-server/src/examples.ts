import type { PrismExample, PrismOperation } from './prism.ts';

/**
 * The named examples an operation documents for `status`, in the spec's order: those of every
 * media type, or of the `mediaTypes` given (the ones an answer may be sent as).
 */
export function examplesOf(operation: PrismOperation, status: number | string, mediaTypes?: readonly string[]): PrismExample[] {
  const response = operation.responses.find((candidate) => candidate.code === String(status));
  const contents = response?.contents?.filter((content) => mediaTypes === undefined || mediaTypes.includes(content.mediaType));
  return contents?.flatMap((content) => content.examples ?? []) ?? [];
}
