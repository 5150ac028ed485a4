import { createRequire, Module } from 'node:module';
import { LRUCache } from 'lru-cache';

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

type PrismRoute = (options: { resources: PrismOperation[]; input: PrismRequest }) => Either<PrismError, PrismOperation>;

interface PrismCore {
  factory(
    config: Record<string, unknown>,
    components: Record<string, unknown>,
  ): {
    request(
      input: PrismRequest,
      operations: PrismOperation[],
      config?: Record<string, unknown>,
    ): () => Promise<Either<PrismError, PrismOutput>>;
  };
  createLogger(name: string, options: object): unknown;
}

/** Prism with routing, security and request validation, answering from examples only. */
export interface Prism {
  route(request: PrismRequest): Either<PrismError, PrismOperation>;
  respond(request: PrismRequest, operation: PrismOperation, mock: PrismMockOptions): Promise<Either<PrismError, PrismOutput>>;
}

/**
 * Builds Prism from the parts the mock uses (router, validator, mocker) and the operations read
 * from the spec at build time (see prism-operations.ts). Prism's main module would also load its
 * spec reader and proxy, which the mock does not need; leaving them out halves start-up again.
 */
export function loadPrism(operations: PrismOperation[]): Prism {
  const require = createRequire(import.meta.url);
  const part = (name: string) => require(`@stoplight/prism-http/dist/${name}`) as Record<string, unknown>;
  const { route, validator, mock } = withoutEagerFaker(require, () => ({
    route: part('router').default as PrismRoute,
    validator: part('validator'),
    mock: part('mocker').default,
  }));
  const { factory, createLogger } = require('@stoplight/prism-core') as PrismCore;
  // `respond` hands Prism the one operation `route` below found for the request: routing the
  // request again, among that operation alone, would only match its path template a second time.
  const routeAgain: PrismRoute = (options) => {
    const [only, ...others] = options.resources;
    return only && others.length === 0 ? { _tag: 'Right', right: only } : route(options);
  };
  const instance = factory(
    {
      mock: { dynamic: false },
      checkSecurity: true,
      validateRequest: true,
      validateResponse: false,
      errors: false,
      upstreamProxy: undefined,
      isProxy: false,
    },
    {
      logger: createLogger('toggl-exports-mock', { level: 'silent' }),
      route: routeAgain,
      validateInput: validator.validateInput,
      validateOutput: validator.validateOutput,
      validateSecurity: validator.validateSecurity,
      mock,
      forward: () => {
        throw new Error('the mock never forwards requests');
      },
    },
  );
  // Routing depends on the method and path alone, and is a quarter of the work for a request Prism has not seen.
  const routes = new LRUCache<string, Either<PrismError, PrismOperation>>({ max: 1000 });
  return {
    route: (request) => {
      const key = `${request.method} ${request.url.path}`;
      let routed = routes.get(key);
      if (routed === undefined) {
        routed = route({ resources: operations, input: request });
        routes.set(key, routed);
      }
      return routed;
    },
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
