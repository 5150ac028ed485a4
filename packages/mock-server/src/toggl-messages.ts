import { examplesOf } from './examples.ts';
import type { PrismDiagnostic, PrismOperation } from './prism.ts';

/*
 * Error messages in Toggl's words. Where an operation documents a message for a situation (as a
 * named example of one of its error responses), that text is used as it is; messages about a
 * particular field follow the pattern of Toggl's own ("Invalid 'x' value, ...", "The 'x'
 * parameter is not supported"). test/toggl-messages.test.ts checks them against the spec.
 */

/** Message of a named example an operation documents for `status`, if it has one. */
export function documentedMessage(operation: PrismOperation, status: number, exampleKey: string): string | undefined {
  for (const { key, value } of examplesOf(operation, status)) if (key === exampleKey && typeof value === 'string') return value;
  return undefined;
}

export const notSupported = (field: string) => `The '${field}' parameter is not supported`;
export const tooManyItems = (field: string, max: number) => `Invalid '${field}' value, the mock takes at most ${max} items in a list`;
/** For a number JSON cannot hold, at `field` (`''`: the body itself). */
export const notFinite = (field: string) => `Invalid '${field || 'body'}' value, expected a finite number`;
export const notAllowed = (field: string, allowed: string) => `Invalid '${field}' value, allowed values are: '${allowed}'`;
export const atLeastOneParameter = 'At least one parameter must be set';
export const unableToExtractAuthentication = 'Unable to extract authentication data';
export const incorrectCredentials = 'Incorrect username and/or password';
export const invalidWorkspaceId = 'Invalid workspace id';
export const workspaceNotAccessible = 'Workspace not found/accessible';
export const notFound = 'Not found';
export const invalidToken = 'Invalid token';
/** Toggl's 402 for a used-up hourly quota; `used` counts the refused requests too. */
export const quotaExceeded = (used: number, limit: number) =>
  `Quota exceeded: You've used ${used} / ${limit} requests from user specific requests quota`;
export const tooManyRequests = 'Too Many Requests';
const notAnObject = 'Invalid request body, expected a JSON object';

const typeNames: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

const formatNames: Record<string, string> = {
  date: 'a date in YYYY-MM-DD format',
  uri: 'an absolute URI',
  int64: 'a 64-bit integer',
};

/** Formats for which an operation may document its own message, as the example of that name. */
const formatExamples: Record<string, string> = {
  date: 'WrongFormatDate',
};

/**
 * `["client_ids", 1]` → `client_ids[1]`; `["audit", "group_filter"]` → `audit.group_filter`: a
 * number is a list's index, a string a field's name (`["0"]` → `0`).
 */
export function fieldName(path: readonly (string | number)[]): string {
  return path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

/** A field's name from the path of a Prism diagnostic, which gives a list's index as a string (`["client_ids", "1"]`). */
const diagnosticField = (path: readonly string[]): string => fieldName(path.map((part) => (/^\d+$/.test(part) ? Number(part) : part)));

/** Prism's diagnostics end with ajv's phrase ("must be >= 1"); the field is named before it. */
const ajvPhrase = (diagnostic: PrismDiagnostic) => diagnostic.message.slice(diagnostic.message.indexOf(' must ') + 1);

function requiresAtLeastOneParameter(operation: PrismOperation): boolean {
  return (operation.request?.body?.contents ?? []).some((content) => content.schema?.minProperties === 1);
}

/** What a diagnostic is about. Toggl answers one problem at a time; this order puts the most basic first. */
const kinds = ['noBody', 'wholeBody', 'unknownField', 'pathParameter', 'field'] as const;
type Kind = (typeof kinds)[number];

function kindOf(diagnostic: PrismDiagnostic): Kind {
  const [where = '', ...field] = diagnostic.path ?? [];
  if (where !== 'body' && where !== 'path') return 'noBody'; // the body as a whole is missing
  if (diagnostic.code === 'additionalProperties') return 'unknownField';
  if (where === 'body' && field.length === 0) return 'wholeBody'; // the body is not an object, or empty
  return where === 'path' ? 'pathParameter' : 'field';
}

/** A request's problem as the mock reports it: Toggl's words, and the body field it is about (`audit.group_filter`), if any. */
export interface RequestProblem {
  message: string;
  field?: string;
}

/**
 * Whether a diagnostic only says that the body is missing or empty, which "At least one
 * parameter must be set" answers.
 */
export const asksForAParameter = (diagnostic: PrismDiagnostic): boolean => {
  const kind = kindOf(diagnostic);
  return kind === 'noBody' || (kind === 'wholeBody' && diagnostic.code === 'minProperties');
};

/** An operation's message for a workspace ID in its path that is no workspace ID, in the operation's own wording where it documents one. */
export const invalidWorkspaceIdOf = (operation: PrismOperation): string =>
  documentedMessage(operation, 400, 'InvalidWorkspaceId') ??
  documentedMessage(operation, 400, 'InvalidWorkspaceIdCapitalized') ??
  invalidWorkspaceId;

/** The one problem a 400 reports for the request problems Prism found. */
export function invalidRequest(diagnostics: readonly PrismDiagnostic[], operation: PrismOperation): RequestProblem {
  const [first] = diagnostics
    .map((diagnostic) => ({ diagnostic, kind: kindOf(diagnostic) }))
    .sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
  if (!first) throw new Error('invalidRequest needs at least one diagnostic');
  const { diagnostic, kind } = first;
  const [, ...path] = diagnostic.path ?? [];
  const field = diagnosticField(path);
  const atLeastOne = () => documentedMessage(operation, 400, 'AtLeastOneParameter') ?? atLeastOneParameter;

  switch (kind) {
    case 'noBody':
      return { message: requiresAtLeastOneParameter(operation) ? atLeastOne() : notAnObject };
    case 'wholeBody':
      return { message: diagnostic.code === 'minProperties' ? atLeastOne() : notAnObject };
    case 'unknownField': {
      const unknown = /found '([\s\S]*)'$/.exec(diagnostic.message)?.[1] ?? '';
      // The unknown field is a name even when it looks like a number: `{"0": 1}` names '0', not '[0]'.
      const named = path.length > 0 ? `${field}.${unknown}` : unknown;
      return { message: notSupported(named), field: named };
    }
    case 'pathParameter':
      if (field === 'workspace_id') return { message: invalidWorkspaceIdOf(operation) };
      return { message: invalidValueMessage(diagnostic, field, operation) };
    case 'field':
      return { message: invalidValueMessage(diagnostic, field, operation), field };
  }
}

/** The message for a field or path parameter whose value breaks its schema. */
function invalidValueMessage(diagnostic: PrismDiagnostic, field: string, operation: PrismOperation): string {
  switch (diagnostic.code) {
    case 'enum':
      return notAllowed(field, diagnostic.message.slice(diagnostic.message.indexOf('allowed values: ') + 'allowed values: '.length));
    case 'type': {
      const types = ajvPhrase(diagnostic)
        .replace(/^must be /, '')
        .split(',');
      return `Invalid '${field}' value, expected ${types.map((type) => typeNames[type] ?? type).join(' or ')}`;
    }
    case 'format': {
      const format = /format "(.*)"/.exec(diagnostic.message)?.[1] ?? '';
      const example = formatExamples[format];
      const documented = example && documentedMessage(operation, 400, example);
      if (documented) return documented;
      return `Invalid '${field}' value, expected ${formatNames[format] ?? `the ${format} format`}`;
    }
    default:
      return `Invalid '${field}' value, ${ajvPhrase(diagnostic)}`;
  }
}
