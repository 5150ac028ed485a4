import { createRequire, Module } from 'node:module';

/*
 * The slice of Prism (@stoplight/prism-http 5.12, in-process) that the mock uses, typed here so
 * the rest of the package does not depend on Prism's type packages.
 */

export interface PrismExample {
  key: string;
  value?: unknown;
}

export interface PrismContent {
  mediaType: string;
  examples?: PrismExample[];
  schema?: Record<string, unknown>;
}

export interface PrismResponse {
  code: string;
  contents?: PrismContent[];
}

export interface PrismOperation {
  iid?: string;
  method: string;
  path: string;
  responses: PrismResponse[];
  request?: { body?: { required?: boolean; contents?: PrismContent[] } };
}

export interface PrismRequest {
  method: 'post' | 'get' | 'put' | 'patch' | 'delete' | 'head' | 'options' | 'trace';
  url: { path: string };
  headers: Record<string, string>;
  body?: unknown;
}

export interface PrismMockOptions {
  dynamic: false;
  code?: number;
  exampleKey?: string;
  mediaTypes?: string[];
}

export interface PrismDiagnostic {
  path?: string[];
  code?: string | number;
  message: string;
  severity: number;
}

export interface PrismOutput {
  output: { statusCode: number; headers?: Record<string, unknown>; body?: unknown };
  validations: { input: PrismDiagnostic[] };
}

export interface PrismError extends Error {
  status?: number;
  detail?: string;
}

type Either<L, R> = { _tag: 'Left'; left: L } | { _tag: 'Right'; right: R };

interface PrismHttp {
  createInstance(
    config: Record<string, unknown>,
    components: { logger: unknown },
  ): { request(input: PrismRequest, operations: PrismOperation[], config?: Record<string, unknown>): () => Promise<Either<PrismError, PrismOutput>> };
  getHttpOperationsFromSpec(spec: unknown): Promise<PrismOperation[]>;
}

type PrismRoute = (options: { resources: PrismOperation[]; input: PrismRequest }) => Either<PrismError, PrismOperation>;

/** Prism with routing, security and request validation, answering from examples only. */
export interface Prism {
  route(request: PrismRequest): Either<PrismError, PrismOperation>;
  respond(request: PrismRequest, operation: PrismOperation, mock: PrismMockOptions): Promise<Either<PrismError, PrismOutput>>;
}

export async function loadPrism(spec: unknown): Promise<Prism> {
  const require = createRequire(import.meta.url);
  const prismHttp = withoutEagerFaker(require, () => require('@stoplight/prism-http') as PrismHttp);
  const route = (require('@stoplight/prism-http/dist/router') as { default: PrismRoute }).default;
  const { createLogger } = require('@stoplight/prism-core') as { createLogger(name: string, options: object): unknown };

  const operations = await prismHttp.getHttpOperationsFromSpec(spec);
  const instance = prismHttp.createInstance(
    {
      mock: { dynamic: false },
      checkSecurity: true,
      validateRequest: true,
      validateResponse: false,
      errors: false,
      upstreamProxy: undefined,
      isProxy: false,
    },
    { logger: createLogger('toggl-exports-mock', { level: 'silent' }) },
  );
  return {
    route: (request) => route({ resources: operations, input: request }),
    respond: (request, operation, mock) => instance.request(request, [operation], { mock })(),
  };
}

/**
 * Prism loads @faker-js/faker (about half of its import time) only to offer random examples,
 * which the mock never asks for. Loading Prism with a stand-in that loads faker on first use
 * halves the server's start-up. The stand-in is removed from the module cache right after, so
 * anyone else requiring faker gets the real module.
 */
function withoutEagerFaker<T>(require: NodeJS.Require, load: () => T): T {
  const prismRequire = createRequire(require.resolve('@stoplight/prism-http'));
  const fakerPath = prismRequire.resolve('@faker-js/faker');
  let faker: Record<PropertyKey, unknown> | undefined;
  const realFaker = () => (faker ??= (prismRequire(fakerPath) as { default: Record<PropertyKey, unknown> }).default);
  const standIn = new Module(fakerPath);
  standIn.filename = fakerPath;
  standIn.loaded = true;
  standIn.exports = { default: new Proxy({}, { get: (_, key) => realFaker()[key] }) };
  require.cache[fakerPath] = standIn;
  try {
    return load();
  } finally {
    delete require.cache[fakerPath];
  }
}
