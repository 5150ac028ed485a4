import type { ExportCase } from '@toggl-exports/spec-reader';
import autocannon from 'autocannon';
import { basicAuth, detailedCsv, exportRequests, jsonHeaders, shiftedBody } from './exports.ts';
import { percentile } from './stats.ts';

export interface LoadResult {
  connections: number;
  /** Requests answered, with any status. */
  requests: number;
  seconds: number;
  /** 2xx answers per second. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx answers: each is a failed request. */
  failed: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Stops after this many seconds... */
  seconds: number;
  /** ...or this many requests, whichever comes first. */
  maxRequests: number;
  /** Vary the requests (see `mixedRequest`) instead of repeating one. */
  mixed?: boolean;
  /** The exports the mix is drawn from; default: every one. */
  mixOf?: readonly ExportCase[];
  /** Send this `Origin` header with the repeated request, as a browser app on that origin would. */
  origin?: string;
}

/** The detailed CSV export, the same request every time: what a test suite repeating one call sends. */
const sameRequest: autocannon.Request = {
  method: 'POST',
  path: detailedCsv.path,
  headers: jsonHeaders,
  body: JSON.stringify(detailedCsv.body),
};

/** The same request from a web app on `origin`: what takes the mock's CORS path. */
const sameRequestFrom = (origin: string): autocannon.Request => ({ ...sameRequest, headers: { ...jsonHeaders, origin } });

/**
 * Request number `n` of a mix over the exports given (default: every export and format): even
 * ones repeat the spec's example (answered from the mock's cache after the first), odd ones move
 * the example's dates by a number of days not used before, so the mock has to validate and
 * compute them afresh.
 */
export function mixedRequest(n: number, requests: readonly ExportCase[] = exportRequests): autocannon.Request {
  const entry = requests[Math.floor(n / 2) % requests.length]!;
  const body = entry.body && n % 2 === 1 ? shiftedBody(entry.body, 1 + Math.floor(n / 2)) : entry.body;
  return {
    method: 'POST',
    path: entry.path,
    // A fresh object: autocannon adds Content-Length to it.
    headers: body === undefined ? { authorization: basicAuth } : { ...jsonHeaders },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  };
}

/** Numbers the mixed requests across every run of this process, so no run repeats another's new bodies. */
let nextMixed = 0;

/** One autocannon run's raw figures, to be combined with other runs against the same server. */
export interface LoadSample {
  connections: number;
  answered: number;
  ok: number;
  failed: number;
  seconds: number;
  /** Milliseconds per response, to the microsecond. */
  latencies: number[];
}

/** Runs autocannon against one server, bounded in time and count. */
export function loadSample({ url, connections, seconds, maxRequests, mixed = false, mixOf, origin }: LoadOptions): Promise<LoadSample> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        maxOverallRequests: maxRequests,
        timeout: 10,
        requests: [
          mixed ? { setupRequest: () => mixedRequest(nextMixed++, mixOf) } : origin === undefined ? sameRequest : sameRequestFrom(origin),
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          connections,
          answered: result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'],
          ok: result['2xx'],
          failed: result.errors + result.non2xx,
          seconds: result.duration,
          latencies,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime: number) => latencies.push(responseTime));
  });
}

/** Several runs against one server taken together: 2xx per second over their whole time, percentiles over every response. */
export function summarizeLoad(samples: LoadSample[]): LoadResult {
  const sum = (pick: (sample: LoadSample) => number) => samples.reduce((total, sample) => total + pick(sample), 0);
  const latencies = samples.flatMap((sample) => sample.latencies);
  return {
    connections: samples[0]!.connections,
    requests: sum((sample) => sample.answered),
    seconds: sum((sample) => sample.seconds),
    requestsPerSecond: sum((sample) => sample.ok) / sum((sample) => sample.seconds),
    p50Ms: latencies.length ? percentile(latencies, 50) : Number.NaN,
    p99Ms: latencies.length ? percentile(latencies, 99) : Number.NaN,
    failed: sum((sample) => sample.failed),
  };
}

export const runLoad = async (options: LoadOptions): Promise<LoadResult> => summarizeLoad([await loadSample(options)]);
