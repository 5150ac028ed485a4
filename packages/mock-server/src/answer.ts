import { limitBody } from './body-limits.ts';
import { checkBody } from './check-body.ts';
import type { CredentialsKind } from './credentials.ts';
import { examplesOf } from './examples.ts';
import type { ExportCall } from './export-answer.ts';
import { accepts, fileTypeOfPath } from './formats.ts';
import { hasMalformedEscape, pathParametersOf, workspaceIdIn } from './path-parameters.ts';
import type { Preference } from './prefer.ts';
import type { Prism, PrismOperation, PrismOutput, PrismRequest } from './prism.ts';
import { isJsonContentType, parseJson } from './request-body.ts';
import { type MockResponse, togglError } from './responses.ts';
import { invalidWorkspaceIdOf, notFinite } from './toggl-messages.ts';

/** One request as the front received it, body read in full and credentials classified (never kept). */
export interface MockRequest {
  method: string;
  path: string;
  credentials: CredentialsKind;
  accept?: string | undefined;
  /** The documented answer `Prefer` asks for, if any (its faults and delays are the front's). */
  preference: Pick<Preference, 'code' | 'example'>;
  contentType?: string | undefined;
  body: Buffer;
  /** The UTC date the request came in (YYYY-MM-DD): the end of a period asked for without dates. */
  today: string;
}

const quotaHeaders = ['X-Toggl-Quota-Remaining', 'X-Toggl-Quota-Resets-In'];
const documentedHeaders = ['Retry-After', ...quotaHeaders];

/**
 * Turns a request into the response Toggl would give, with Prism deciding routing, security,
 * validation and the documented errors, the report engine computing the files (`exportFile`),
 * and this front doing what neither does: Toggl's messages, the file type from the path, and
 * the rules Prism does not know.
 */
export function createAnswerer(prism: Prism, exportFile: (call: ExportCall) => Promise<MockResponse>) {
  return async function answer(request: MockRequest): Promise<MockResponse> {
    const method = request.method.toLowerCase() as PrismRequest['method'];
    const routed = prism.route({ method, url: { path: request.path }, headers: {} });
    if (routed._tag === 'Left') return routingError(routed.left.status, request);
    const operation = routed.right;
    if (hasMalformedEscape(request.path)) {
      return togglError(400, `Invalid path ${request.path}: a % in a URL must be followed by two hexadecimal digits`);
    }

    let body: unknown;
    let cutList: string | undefined;
    if (request.body.length > 0) {
      const contentType = request.contentType ?? 'application/json';
      if (!isJsonContentType(contentType)) {
        return togglError(415, `Unsupported Content-Type '${contentType}': send the body as application/json`);
      }
      const parsed = parseJson(request.body);
      if (!parsed.ok) return togglError(400, parsed.message);
      const limited = limitBody(parsed.value);
      if (limited.nonFinite !== undefined) return togglError(400, notFinite(limited.nonFinite));
      ({ body, cutList } = limited);
    }

    const file = fileTypeOfPath(request.path);
    // The path decides the file type; JSON stays acceptable so the documented errors remain reachable.
    const mediaTypes = file && [file.mediaType, 'application/json'];
    const chosen = resolvePreference(request.preference, operation, mediaTypes);
    if (!chosen.ok) return togglError(400, chosen.message);

    const { credentials } = request;
    const checked = await checkBody(prism, { method, path: request.path, credentials, body, cutList }, operation, {
      dynamic: false,
      ...chosen.mock,
      ...(mediaTypes && { mediaTypes }),
    });
    if (!checked.ok) return togglError(checked.status, checked.message, checked.headers);
    const parameters = pathParametersOf(operation, request.path) ?? {};
    const workspaceId = parameters['workspace_id'] === undefined ? undefined : workspaceIdIn(parameters['workspace_id']);
    if (parameters['workspace_id'] !== undefined && workspaceId === undefined) return togglError(400, invalidWorkspaceIdOf(operation));
    const { output } = checked;

    if (output.statusCode !== 200) return documentedError(output, chosen.mock.exampleKey);
    if (!file) throw new Error(`${request.path} names no file format, yet Prism routed it to ${operation.iid}`);
    if (!accepts(request.accept, file.mediaType)) {
      return togglError(406, `This endpoint answers with ${file.mediaType}, which the Accept header '${request.accept}' does not allow`);
    }
    const names = workspaceId === undefined ? { reportToken: parameters['report_token'] } : { workspaceId };
    return exportFile({ operation, path: request.path, ...names, file, body, credentials, today: request.today });
  };
}

function routingError(status: number | undefined, request: MockRequest): MockResponse {
  if (status === 405) {
    return togglError(405, `Method ${request.method} is not allowed on ${request.path}: the export endpoints take POST`, { Allow: 'POST' });
  }
  return togglError(404, `Not found: no export endpoint at ${request.path}`);
}

type ResolvedPreference = { ok: true; mock: { code?: number; exampleKey?: string } } | { ok: false; message: string };

/**
 * Checks `Prefer` against what the operation documents and settles the example: the one named
 * (its status inferred when no code is given), or else the first of the status asked for, which
 * is the one Prism would pick. Only the examples of the media types the answer may be sent as
 * count (`mediaTypes`, from the path's file type): a CSV example cannot be an `.xlsx` path's answer.
 */
function resolvePreference(
  { code, example }: MockRequest['preference'],
  operation: PrismOperation,
  mediaTypes: readonly string[] | undefined,
): ResolvedPreference {
  const documented = operation.responses.map((response) => response.code);
  const exampleKeys = (status: string) => examplesOf(operation, status, mediaTypes).map((item) => item.key);

  if (code !== undefined && !documented.includes(String(code))) {
    return { ok: false, message: `Prefer code=${code} is not documented for this endpoint; it can answer ${documented.join(', ')}` };
  }
  if (example === undefined) {
    if (code === undefined) return { ok: true, mock: {} };
    const [first] = exampleKeys(String(code));
    return { ok: true, mock: first === undefined ? { code } : { code, exampleKey: first } };
  }
  const status = code !== undefined ? String(code) : documented.find((candidate) => exampleKeys(candidate).includes(example));
  if (status === undefined || !exampleKeys(status).includes(example)) {
    // An example listed under several media types is named once.
    const named = new Set(documented.flatMap((candidate) => exampleKeys(candidate).map((key) => `${key} (${candidate})`)));
    return {
      ok: false,
      message: `Prefer example=${example} is not documented${code ? ` for ${code}` : ''} on this endpoint; it has ${[...named].join(', ')}`,
    };
  }
  return { ok: true, mock: { code: Number(status), exampleKey: example } };
}

/** A documented error chosen with `Prefer`, with the headers that go with it. */
function documentedError(output: PrismOutput['output'], exampleKey: string | undefined): MockResponse {
  const message = typeof output.body === 'string' ? output.body : String(output.body ?? '');
  const headers: Record<string, string> = {};
  for (const name of documentedHeaders) {
    const value = output.headers?.[name];
    // Only the quota example carries the quota headers: a 402 without them means a missing plan feature.
    if (quotaHeaders.includes(name) && exampleKey !== 'QuotaExhausted') continue;
    if (value !== undefined && value !== null) headers[name] = String(value);
  }
  return togglError(output.statusCode, message, headers);
}
