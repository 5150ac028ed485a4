import type { ValidateFunction } from 'ajv/dist/2020.js';
import { bodySchemas } from '../generated/body-schemas.ts';
import * as generatedValidators from '../generated/body-validators.ts';
import { type BodyProblem, firstBodyProblem } from './body-problem.ts';

type BodySchemaId = keyof typeof bodySchemas;

/** Each operation's body validator, compiled from its schema by ajv when the engine is built. */
const validators = generatedValidators as unknown as Readonly<Record<BodySchemaId, ValidateFunction>>;

/**
 * What is wrong with a body by the spec's schema of the operation; undefined when nothing is.
 * An empty body passes although the spec asks for at least one field: that rule is the HTTP
 * request's, and a saved report runs as its export without any.
 */
export function checkBody(operationId: BodySchemaId, body: unknown): BodyProblem | undefined {
  const isEmptyObject = typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0;
  if (isEmptyObject) return undefined;
  const validate = validators[operationId];
  return validate(body) ? undefined : firstBodyProblem(validate.errors ?? [], bodySchemas[operationId], body);
}
