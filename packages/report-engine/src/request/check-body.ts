import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { bodySchemas } from '../generated/body-schemas.ts';
import { remembered } from '../memo.ts';
import { type BodyProblem, firstBodyProblem } from './body-problem.ts';

type BodySchemaId = keyof typeof bodySchemas;

let ajv: Ajv2020 | undefined;
const validators = new Map<BodySchemaId, ValidateFunction>();

/** The operation's body validator, compiled the first time it is asked for. */
const validatorOf = (operationId: BodySchemaId): ValidateFunction =>
  remembered(validators, operationId, () => {
    // The bodies' `type: object` is in their allOf parts, which strictTypes would warn about on the console.
    ajv ??= new Ajv2020({ formats: fullFormats, strictTypes: false });
    return ajv.compile(bodySchemas[operationId]);
  });

/**
 * What is wrong with a body by the spec's schema of the operation; undefined when nothing is.
 * An empty body passes although the spec asks for at least one field: that rule is the HTTP
 * request's, and a saved report runs as its export without any.
 */
export function checkBody(operationId: BodySchemaId, body: unknown): BodyProblem | undefined {
  const isEmptyObject = typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0;
  if (isEmptyObject) return undefined;
  const validate = validatorOf(operationId);
  return validate(body) ? undefined : firstBodyProblem(validate.errors ?? [], bodySchemas[operationId], body);
}
