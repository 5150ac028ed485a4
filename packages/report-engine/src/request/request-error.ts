/**
 * A request the engine cannot compute a report for, though it passed the spec's validation: a
 * period longer than Toggl allows, a grouping the report does not know, and the like. Its message
 * is meant for the caller, in the style of Toggl's own (`Invalid 'x' value, ...`).
 */
export class RequestError extends Error {
  override readonly name = 'RequestError';
}

export const invalidValue = (field: string, why: string): RequestError => new RequestError(`Invalid '${field}' value, ${why}`);

export function oneOf<T extends string>(field: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw invalidValue(field, `allowed values are: '${allowed.join(', ')}'`);
}
