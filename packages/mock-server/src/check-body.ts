import { maxListItems } from './body-limits.ts';
import { authorizationForPrism, type CredentialsKind } from './credentials.ts';
import { crossFieldViolation } from './cross-field-rules.ts';
import type { Prism, PrismMockOptions, PrismOperation, PrismOutput, PrismRequest } from './prism.ts';
import {
  asksForAParameter,
  documentedMessage,
  incorrectCredentials,
  invalidRequest,
  type RequestProblem,
  tooManyItems,
  unableToExtractAuthentication,
} from './toggl-messages.ts';

/** A request as Prism is to check it: never the credentials themselves, only what kind they are. */
export interface RequestToCheck {
  method: PrismRequest['method'];
  path: string;
  credentials: CredentialsKind;
  /** The parsed body, cut by limitBody; `undefined` when there is none. */
  body: unknown;
  /** Where the first list limitBody cut is: a 400 once Prism has found nothing else. */
  cutList?: string | undefined;
  /** Whether a missing or empty body is fine, as for a saved report, which "can be executed without parameters". */
  emptyAllowed?: boolean;
}

export type BodyCheck =
  | { ok: true; output: PrismOutput['output'] }
  | ({ ok: false; status: number; headers?: Record<string, string> } & RequestProblem);

const unreadable = { example: 'UnableToExtractAuthentication', message: unableToExtractAuthentication };
/** The 401 for credentials Prism rejects: the example an operation documents, and Toggl's words where it has none. */
const unauthorized: Record<CredentialsKind, { example: string; message: string }> = {
  missing: unreadable,
  malformed: unreadable,
  incorrect: { example: 'IncorrectCredentials', message: incorrectCredentials },
  usable: unreadable, // Prism accepts these; listed so that every kind of credentials has its 401
};

/**
 * Has Prism check a request's credentials and body against its operation, then checks what Prism
 * does not know (the lists cut short, the rules between fields). Gives Prism's output, or the
 * one problem Toggl would answer with: its status and message, and the body field it is about.
 */
export async function checkBody(
  prism: Prism,
  request: RequestToCheck,
  operation: PrismOperation,
  mock: PrismMockOptions,
): Promise<BodyCheck> {
  const { method, path, credentials, body, cutList, emptyAllowed = false } = request;
  const authorization = authorizationForPrism(credentials);
  const prismRequest: PrismRequest = {
    method,
    url: { path },
    headers: {
      ...(authorization && { authorization }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body,
  };
  const result = await prism.respond(prismRequest, operation, mock);
  if (result._tag === 'Left') return { ok: false, status: result.left.status ?? 500, message: result.left.detail || result.left.message };
  const { output, validations } = result.right;

  const problems = validations.input.filter((diagnostic) => diagnostic.severity === 0 && !(emptyAllowed && asksForAParameter(diagnostic)));
  if (problems.some((diagnostic) => diagnostic.code === 401)) {
    const { example, message } = unauthorized[credentials];
    return {
      ok: false,
      status: 401,
      message: documentedMessage(operation, 401, example) ?? message,
      headers: { 'WWW-Authenticate': 'Basic realm="Toggl Track"' },
    };
  }
  if (problems.length > 0) return { ok: false, status: 400, ...invalidRequest(problems, operation) };
  if (cutList !== undefined) return { ok: false, status: 400, message: tooManyItems(cutList, maxListItems), field: cutList };
  const crossField = crossFieldViolation(body, operation);
  if (crossField) return { ok: false, status: 400, ...crossField };
  return { ok: true, output };
}
