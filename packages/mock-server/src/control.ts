import { type FaultKind, type FaultPlan, faultKinds, isFaultKind } from './faults.ts';
import type { JournalFilter, RequestJournal } from './journal.ts';
import { isJsonObject, parseJson } from './request-body.ts';
import type { RequestLimits } from './request-limits.ts';
import { type MockResponse, togglError } from './responses.ts';

/** Where the mock's own endpoints live: no Toggl path starts so. */
export const controlPrefix = '/__mock/';

export interface MockControls {
  journal: RequestJournal;
  limits: RequestLimits;
  faults: FaultPlan;
}

const json = (status: number, value: unknown): MockResponse => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  body: Buffer.from(JSON.stringify(value)),
});
const noContent: MockResponse = { status: 204, headers: {}, body: Buffer.alloc(0) };

interface Route {
  [method: string]: (query: URLSearchParams, body: Buffer) => MockResponse;
}

/**
 * The mock's control endpoints, so that a test in any language can read the journal and reset
 * the server between cases:
 * - `GET /__mock/requests[?method=&path=&status=]`, `DELETE /__mock/requests`
 * - `DELETE /__mock/limits`: the quota and rate limit start again
 * - `POST /__mock/faults` with `{"fault": "503", "times": 1}`, `DELETE /__mock/faults`
 */
export function createControlRoutes({ journal, limits, faults }: MockControls) {
  const routes: Record<string, Route> = {
    requests: {
      GET: (query) => {
        const filter = journalFilterOf(query);
        return filter.ok ? json(200, journal.entries(filter.filter)) : togglError(400, filter.message);
      },
      DELETE: () => {
        journal.reset();
        return noContent;
      },
    },
    limits: {
      DELETE: () => {
        limits.reset();
        return noContent;
      },
    },
    faults: {
      POST: (_query, body) => {
        const request = faultRequestOf(body);
        if (!request.ok) return togglError(400, request.message);
        faults.failNext(request.fault, request.times);
        return noContent;
      },
      DELETE: () => {
        faults.reset();
        return noContent;
      },
    },
  };

  return function control(method: string, path: string, query: URLSearchParams, body: Buffer): MockResponse {
    const name = path.slice(controlPrefix.length);
    const route = Object.hasOwn(routes, name) ? routes[name] : undefined;
    if (!route) {
      const known = Object.keys(routes).map((key) => `${controlPrefix}${key}`);
      return togglError(404, `Not found: the mock's own endpoints are ${known.join(', ')}`);
    }
    const handler = Object.hasOwn(route, method) ? route[method] : undefined;
    if (!handler) {
      const allowed = Object.keys(route).join(', ');
      return togglError(405, `Method ${method} is not allowed on ${path}: use ${allowed}`, { Allow: allowed });
    }
    return handler(query, body);
  };
}

type Parsed<T> = ({ ok: true } & T) | { ok: false; message: string };

const filterNames = ['method', 'path', 'status'];

function journalFilterOf(query: URLSearchParams): Parsed<{ filter: JournalFilter }> {
  const filter: JournalFilter = {};
  for (const [name, value] of query) {
    if (name === 'method') filter.method = value;
    else if (name === 'path') filter.path = value;
    else if (name === 'status') {
      if (!/^[1-5]\d\d$/.test(value))
        return { ok: false, message: `Invalid 'status' value '${value}': expected an HTTP status such as 200` };
      filter.status = Number(value);
    } else return { ok: false, message: `Unknown filter '${name}': the journal filters by ${filterNames.join(', ')}` };
  }
  return { ok: true, filter };
}

/** Most requests one POST /__mock/faults may queue a fault for. */
const maxTimesOverHttp = 1000;

function faultRequestOf(body: Buffer): Parsed<{ fault: FaultKind; times: number }> {
  const parsed = parseJson(body);
  if (!parsed.ok) return { ok: false, message: `${parsed.message}; send {"fault": "503", "times": 1}` };
  if (!isJsonObject(parsed.value))
    return { ok: false, message: 'Invalid request body, expected a JSON object such as {"fault": "503", "times": 1}' };
  const { fault, times = 1, ...rest } = parsed.value;
  const [unknown] = Object.keys(rest);
  if (unknown !== undefined) return { ok: false, message: `The '${unknown}' parameter is not supported: send fault and times` };
  if (!isFaultKind(fault)) return { ok: false, message: `Invalid 'fault' value, allowed values are: '${faultKinds.join("', '")}'` };
  if (!Number.isInteger(times) || (times as number) < 1 || (times as number) > maxTimesOverHttp)
    return { ok: false, message: `Invalid 'times' value, expected a whole number from 1 to ${maxTimesOverHttp}` };
  return { ok: true, fault, times: times as number };
}
