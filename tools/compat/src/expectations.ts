// THE expectations table: for every tool, its checks and the ones it is expected to fail, each
// with the reason. The tests assert that each check's outcome is the one written here, so a tool
// (or spec) fix and a regression both fail the suite until this table is updated; the table in
// packages/openapi/README.md is rendered from it (`pnpm --filter @toggl-exports/compat table`).

/** Every check a tool can be put through, with the words the verdict uses for it. */
export const CHECKS = {
  'media-type': '200 with the path’s media type',
  'file-body': 'a real file of the media type sent',
  'file-name': 'the file name of the path’s format',
  unauthorized: '401 without credentials',
  'unknown-field': '400 for an unknown body field',
  generates: 'generates',
  typecheck: 'type-checks with an ordinary body',
  csv: 'CSV byte for byte',
  xlsx: 'XLSX byte for byte',
  pdf: 'PDF byte for byte',
  'error-string': 'error body as a string',
  'nullable-ids': 'types `[null]` in a nullable ID list',
  'no-problems': 'no problems',
  validates: 'validates',
} as const;
export type CheckId = keyof typeof CHECKS;

const PRISM_CHECKS = ['media-type', 'file-body', 'file-name', 'unauthorized', 'unknown-field'] as const satisfies readonly CheckId[];
/** Prism sends a header's first example whatever the media type, and one answer serves both `.csv` and `.xlsx`. */
const PRISM_FILE_NAME =
  'Prism sends the first example of `Content-Disposition`, and the `.{extension}` paths have one answer for CSV and XLSX: their `.xlsx` gets the CSV file name';

/** `nullable-ids`: a detailed report call whose body has `tag_ids: [null]` type-checks (client-harness.ts). */
const CLIENT_CHECKS = [
  'generates',
  'typecheck',
  'nullable-ids',
  'csv',
  'xlsx',
  'pdf',
  'error-string',
] as const satisfies readonly CheckId[];

export interface ToolExpectation {
  /** The tool's name in the table. */
  name: string;
  /** The npm packages whose installed versions make up the "version" column, in order. */
  packages: readonly string[];
  checks: readonly CheckId[];
  /** The checks expected to fail, each with the reason; every other check must pass. */
  fails: Partial<Record<CheckId, string>>;
}

export const EXPECTATIONS = {
  'prism-cli': {
    name: 'Prism CLI',
    packages: ['@stoplight/prism-cli'],
    checks: PRISM_CHECKS,
    fails: {
      'media-type': 'without an `Accept` header, `.xlsx` paths get the first media type listed, `text/csv`',
      'file-name': PRISM_FILE_NAME,
    },
  },
  'prism-cli-accept': {
    name: 'Prism CLI, with an `Accept` header naming the format',
    packages: ['@stoplight/prism-cli'],
    checks: PRISM_CHECKS,
    fails: { 'file-name': PRISM_FILE_NAME },
  },
  'openapi-typescript': {
    name: 'openapi-typescript + openapi-fetch',
    packages: ['openapi-typescript', 'openapi-fetch'],
    checks: CLIENT_CHECKS,
    fails: {
      csv: 'openapi-fetch parses every body as JSON, and throws, unless a call says `parseAs: "blob"`',
      xlsx: 'parsed as JSON: throws',
      pdf: 'parsed as JSON: throws',
    },
  },
  'openapi-typescript-blob': {
    name: 'openapi-typescript + openapi-fetch, with `parseAs: "blob"`',
    packages: ['openapi-typescript', 'openapi-fetch'],
    checks: CLIENT_CHECKS,
    fails: {},
  },
  'hey-api': {
    name: '@hey-api/openapi-ts',
    packages: ['@hey-api/openapi-ts'],
    checks: CLIENT_CHECKS,
    fails: {
      csv: '`parseAs: "auto"` reads `text/csv` as text, dropping the UTF-8 byte order mark; `parseAs: "blob"` keeps it',
    },
  },
  'hey-api-blob': {
    name: '@hey-api/openapi-ts, with `parseAs: "blob"`',
    packages: ['@hey-api/openapi-ts'],
    checks: CLIENT_CHECKS,
    fails: {},
  },
  orval: {
    name: 'orval, its default client, on Node 24',
    packages: ['orval', 'axios'],
    checks: CLIENT_CHECKS,
    fails: {
      csv: 'axios ignores its `responseType: "blob"` in Node.js and decodes the body as UTF-8 text: the byte order mark is lost',
      xlsx: 'decoded as UTF-8 text: corrupted',
      pdf: 'decoded as UTF-8 text: corrupted',
      'error-string': 'with `responseType: "blob"` axios leaves the JSON undecoded: the message keeps its quotes',
    },
  },
  'orval-fetch': {
    name: 'orval, with `client: "fetch"`, on Node 24',
    packages: ['orval'],
    checks: CLIENT_CHECKS,
    fails: {
      'error-string':
        'the fetch client reads every answer of a file operation with `res.blob()`: the error body is a `Blob`, typed `string`',
    },
  },
  'orval-fetch-throw': {
    name: 'orval, with `client: "fetch"` and `override.fetch.forceSuccessResponse`, on Node 24',
    packages: ['orval'],
    checks: CLIENT_CHECKS,
    fails: {},
  },
  kubb: {
    name: 'Kubb (`pluginOas`, `pluginTs`, `pluginClient`), with its defaults',
    packages: ['@kubb/cli', 'axios'],
    checks: CLIENT_CHECKS,
    fails: {
      csv: 'the default client, axios, is called without a `responseType` and decodes the body as UTF-8 text, typed `Blob`: the byte order mark is lost',
      xlsx: 'decoded as UTF-8 text: corrupted',
      pdf: 'decoded as UTF-8 text: corrupted',
    },
  },
  'kubb-fetch': {
    name: 'Kubb, with `pluginClient({ client: "fetch" })`',
    packages: ['@kubb/cli'],
    checks: CLIENT_CHECKS,
    fails: {
      csv: 'the fetch client sends the JSON body without a `Content-Type`, so fetch labels it `text/plain;charset=UTF-8`: the mock answers `415`, and the call resolves to its message',
      xlsx: 'the `415` message',
      pdf: 'the `415` message',
      'error-string': 'the mock checks the `Content-Type` before the credentials: the `415` message, not the `401` one',
    },
  },
  'kubb-blob': {
    name: 'Kubb, with `pluginClient({ importPath })`: a fetch client that sends `Content-Type: application/json` and reads answers that are not JSON with `.blob()`',
    packages: ['@kubb/cli'],
    checks: CLIENT_CHECKS,
    fails: {},
  },
  spectral: {
    name: 'Spectral (`spectral:oas`)',
    packages: ['@stoplight/spectral-cli'],
    checks: ['no-problems'],
    fails: {},
  },
  'swagger-parser': {
    name: '@apidevtools/swagger-parser',
    packages: ['@apidevtools/swagger-parser'],
    checks: ['validates'],
    fails: {},
  },
} as const satisfies Record<string, ToolExpectation>;
export type ToolId = keyof typeof EXPECTATIONS;

/** The verdict the table gives: `ok`, or `fails: ` and each failing check with its reason. */
export function verdict(tool: ToolId, failing: readonly CheckId[] = expectedFailures(tool)): string {
  if (failing.length === 0) return 'ok';
  const fails: Partial<Record<CheckId, string>> = EXPECTATIONS[tool].fails;
  return `fails: ${failing.map((check) => (fails[check] ? `${CHECKS[check]} (${fails[check]})` : CHECKS[check])).join('; ')}`;
}

export function expectedFailures(tool: ToolId): CheckId[] {
  const { checks, fails } = EXPECTATIONS[tool];
  return checks.filter((check) => check in fails);
}
