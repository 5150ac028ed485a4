/** What can go wrong with an answer, on demand: the connection dropped before it, its body cut off part way, or a server error. */
export const faultKinds = ['drop', 'truncate', '500', '502', '503', '504'] as const;
export type FaultKind = (typeof faultKinds)[number];

export const isFaultKind = (value: unknown): value is FaultKind => faultKinds.includes(value as FaultKind);

/** The status line and message of each server error, as a proxy in front of Toggl would send it. */
export const serverErrors: Readonly<Record<Extract<FaultKind, `5${string}`>, string>> = {
  '500': 'Internal Server Error',
  '502': 'Bad Gateway',
  '503': 'Service Unavailable',
  '504': 'Gateway Timeout',
};

/** For every export request: a chance for each fault, from 0 (never) to 1 (always). */
export type FaultRates = Partial<Record<FaultKind, number>>;

/**
 * Decides which fault, if any, an export request gets: the one its `Prefer` header asks for,
 * else the next one queued with `failNext`, else one drawn by the server's rates.
 */
export class FaultPlan {
  readonly #rates: [FaultKind, number][];
  /** Runs of queued faults, oldest first: a kind and how many requests it has left. */
  #queued: { kind: FaultKind; left: number }[] = [];

  constructor(rates: FaultRates = {}) {
    this.#rates = Object.entries(rates).filter(([, rate]) => rate > 0) as [FaultKind, number][];
  }

  /** Whether any request may get a fault without asking for one. */
  get active(): boolean {
    return this.#queued.length > 0 || this.#rates.length > 0;
  }

  /** The next `times` export requests get `kind`, after those already queued. */
  failNext(kind: FaultKind, times: number): void {
    this.#queued.push({ kind, left: times });
  }

  reset(): void {
    this.#queued = [];
  }

  pick(preferred: FaultKind | undefined): FaultKind | undefined {
    if (preferred) return preferred;
    const run = this.#queued[0];
    if (run) {
      if (--run.left === 0) this.#queued.shift();
      return run.kind;
    }
    for (const [kind, rate] of this.#rates) if (Math.random() < rate) return kind;
    return undefined;
  }
}
