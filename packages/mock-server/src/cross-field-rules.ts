import type { PrismOperation } from './prism.ts';
import { isJsonObject } from './request-body.ts';
import { documentedMessage, fieldName, type RequestProblem } from './toggl-messages.ts';

/*
 * Rules between two fields, which JSON Schema cannot state (spec/DEVIATIONS.md, "Constraints
 * across fields"). They run only on bodies that passed Prism's validation, so the values
 * already have the right types and formats.
 */

type Body = Record<string, unknown>;

interface OrderedPair {
  object: readonly string[];
  low: string;
  high: string;
  /** How the message says `high` may not be smaller than `low`. */
  order: 'before' | 'below';
  /** The example whose message an operation may document for this rule, used where it does. */
  documented?: string;
}

const orderedPairs: readonly OrderedPair[] = [
  { object: [], low: 'start_date', high: 'end_date', order: 'before', documented: 'StartAfterEnd' },
  { object: [], low: 'min_duration_seconds', high: 'max_duration_seconds', order: 'below' },
  { object: ['audit', 'group_filter'], low: 'min_amount_cents', high: 'max_amount_cents', order: 'below' },
  { object: ['audit', 'group_filter'], low: 'min_duration_seconds', high: 'max_duration_seconds', order: 'below' },
];

function objectAt(body: Body, path: readonly string[]): Body | undefined {
  let current: unknown = body;
  for (const key of path) current = isJsonObject(current) ? current[key] : undefined;
  return isJsonObject(current) ? current : undefined;
}

/** The first cross-field rule the body breaks, if any, reported at its second field. */
export function crossFieldViolation(body: unknown, operation: PrismOperation): RequestProblem | undefined {
  if (!isJsonObject(body)) return undefined;
  for (const { object, low, high, order, documented } of orderedPairs) {
    const values = objectAt(body, object);
    const lowValue = values?.[low];
    const highValue = values?.[high];
    if (lowValue === undefined || highValue === undefined) continue;
    // Dates are YYYY-MM-DD and numbers are numbers here, so `>` orders both.
    if ((lowValue as string | number) <= (highValue as string | number)) continue;
    const field = fieldName([...object, high]);
    const message = documented && documentedMessage(operation, 400, documented);
    return { message: message || `Invalid '${field}' value, must not be ${order} '${fieldName([...object, low])}'`, field };
  }
  return undefined;
}
