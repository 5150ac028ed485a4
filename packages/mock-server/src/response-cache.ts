import { LRUCache } from 'lru-cache';
import type { MockRequest } from './answer.ts';
import type { MockResponse } from './responses.ts';

/** Bodies larger than this are answered every time rather than kept as part of a key. */
const largestCachedBody = 64 * 1024;

/**
 * The mock's answers depend only on the request (and, for a period asked for without dates, on
 * the UTC date it came in, `today`), so a repeated request gets the finished response without
 * going through Prism and the report engine again. The key holds `today`, the date the answer
 * is computed for, and whether the credentials are usable, never the credentials themselves.
 * A request that comes while the same one is still being answered waits for that answer rather
 * than computing it again, as a test suite's parallel files asking for the same file would.
 */
export class ResponseCache {
  readonly #entries = new LRUCache<string, MockResponse>({
    max: 4096,
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (response, key) => key.length + response.body.length + 256,
  });

  keyOf(request: MockRequest): string | undefined {
    if (request.body.length > largestCachedBody) return undefined;
    return [
      request.today,
      request.method,
      request.path,
      request.credentials,
      request.accept ?? '',
      request.preference.code ?? '',
      request.preference.example ?? '',
      request.contentType ?? '',
      request.body.toString('latin1'),
    ].join('\n');
  }

  /** The answers being computed, by key. */
  readonly #computing = new Map<string, Promise<MockResponse>>();

  get(key: string): MockResponse | undefined {
    return this.#entries.get(key);
  }

  /**
   * The answer being computed for `key`, or `compute`'s, kept once it comes. A failure is not
   * kept: every request waiting for it fails, and the next one computes again.
   */
  computeOnce(key: string, compute: () => Promise<MockResponse>): Promise<MockResponse> {
    let computing = this.#computing.get(key);
    if (!computing) {
      computing = compute()
        .then((response) => {
          this.#entries.set(key, response);
          return response;
        })
        .finally(() => this.#computing.delete(key));
      this.#computing.set(key, computing);
    }
    return computing;
  }
}
