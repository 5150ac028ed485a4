import type { operations } from './generated/openapi.js';
import type { exportOperations } from './generated/operations.js';

/** The operationId of every export, which is also the name of its method on the client. */
export type ExportOperationId = keyof typeof exportOperations;

/** A file format some export offers. */
export type ExportFormat = {
  [K in ExportOperationId]: keyof (typeof exportOperations)[K]['formats'];
}[ExportOperationId];

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** Path parameters in camelCase; the `{extension}` of the path is asked for as `format`. */
type PathArgs<P> = {
  [K in keyof P as K extends 'extension' ? 'format' : CamelCase<K & string>]: P[K];
};

type JsonBody<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;

/** `body` is required where the spec requires a request body, optional where it does not. */
type BodyArg<R> = undefined extends R ? { body?: JsonBody<NonNullable<R>> } : { body: JsonBody<R> };

/** What every export call accepts besides its parameters and body. */
export interface CallOptions {
  /** Aborts the call: the request, a wait between retries, and reading the file. */
  signal?: AbortSignal;
  /** Milliseconds to wait for the response, retries included; overrides the client's `timeout`. */
  timeout?: number | false;
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The one object an export method takes, derived from the spec's types for that operation. */
export type ExportArgs<K extends ExportOperationId> = Simplify<
  PathArgs<operations[K]['parameters']['path']> & BodyArg<operations[K]['requestBody']> & CallOptions
>;

/** The request body of an export, with field names as in the spec. */
export type ExportBody<K extends ExportOperationId> = JsonBody<NonNullable<operations[K]['requestBody']>>;

/** One method per export operation. */
export type TogglExportsClient<File> = {
  readonly [K in ExportOperationId]: (args: ExportArgs<K>) => Promise<File>;
};
