import type { MockServerControls, OverHttp } from './control-methods.ts';
import type { JournalEntry } from './journal.ts';

export type { FaultKind } from './faults.ts';
export type { JournalEntry, JournalFilter } from './journal.ts';

/** The mock's controls over HTTP, for a server started elsewhere: by the vitest setup, the CLI or another process. */
export type MockControl = OverHttp<MockServerControls>;

/**
 * Connects to a running mock by its base URL, e.g. `connectMockServer(inject('togglExportsMockUrl'))`
 * in a test run by the vitest setup. Needs nothing but `fetch`, so it runs in any runtime and in browsers.
 */
export function connectMockServer(url: string, { fetch = globalThis.fetch }: { fetch?: typeof globalThis.fetch } = {}): MockControl {
  const base = `${url.replace(/\/+$/, '')}/__mock/`;

  async function call(method: string, name: string, body?: unknown): Promise<Response> {
    const response = await fetch(base + name, {
      method,
      ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      const text = await response.text();
      let message = text;
      try {
        message = String(JSON.parse(text));
      } catch {
        // the text as it is
      }
      throw new Error(`${method} ${base}${name} failed with HTTP ${response.status}: ${message}`);
    }
    return response;
  }

  return {
    async requests(filter = {}) {
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(filter)) if (value !== undefined) query.set(name, String(value));
      const search = query.toString();
      return (await call('GET', search ? `requests?${search}` : 'requests')).json() as Promise<JournalEntry[]>;
    },
    resetRequests: async () => void (await call('DELETE', 'requests')),
    resetLimits: async () => void (await call('DELETE', 'limits')),
    failNext: async (kind, times = 1) => void (await call('POST', 'faults', { fault: kind, times })),
    resetFaults: async () => void (await call('DELETE', 'faults')),
  };
}
