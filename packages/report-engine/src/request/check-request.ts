import { EXPORT_FORMATS } from '../generated/formats.ts';
import { workspaceIdSchema } from '../generated/path-parameters.ts';
import { bodyFormats } from './body-formats.ts';
import { FORMAT_WORDS } from './body-problem.ts';
import { mustBe, oneOfList } from './wording.ts';

/** The parts of an export request around its body, as a JavaScript caller may pass them. */
interface RequestFrame {
  operationId: unknown;
  format: unknown;
  workspaceId: unknown;
  today?: unknown;
  savedName?: unknown;
}

/** Why `value` is not one of `allowed`, naming it `name`; undefined when it is (a JavaScript caller can pass anything). */
const choiceProblem = (name: string, value: unknown, allowed: readonly string[]): string | undefined =>
  typeof value === 'string' && allowed.includes(value) ? undefined : mustBe(name, oneOfList(allowed), value);

/** A workspace ID as the spec's `workspace_id` path parameter takes it (an integer from its minimum), as JavaScript holds one exactly. */
const isWorkspaceId = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= workspaceIdSchema.minimum;
const WORKSPACE_ID_WORDS = `a whole number from ${workspaceIdSchema.minimum}`;

/** ajv-formats' check of the `date` format, which the body's dates get too (a real day, `YYYY-MM-DD`). */
const dateFormat = bodyFormats.date as { validate: (text: string) => boolean };
const isDate = (value: unknown): boolean => typeof value === 'string' && dateFormat.validate(value);

/**
 * What is wrong with the request's operation, format, workspace, day or saved-report name;
 * undefined when nothing is. `operations` are the exports there are.
 */
export function requestProblem(request: RequestFrame, operations: readonly string[]): string | undefined {
  const { operationId, format, workspaceId, today, savedName } = request;
  return (
    choiceProblem('operationId', operationId, operations) ??
    choiceProblem('format', format, EXPORT_FORMATS) ??
    (isWorkspaceId(workspaceId) ? undefined : mustBe('workspaceId', WORKSPACE_ID_WORDS, workspaceId)) ??
    (today === undefined || isDate(today) ? undefined : mustBe('today', FORMAT_WORDS['date'] ?? 'a date', today)) ??
    (savedName === undefined || typeof savedName === 'string' ? undefined : mustBe('savedName', 'a string', savedName))
  );
}
