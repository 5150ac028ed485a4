import type { FaultKind } from './faults.ts';
import type { JournalEntry, JournalFilter } from './journal.ts';

/** What a test does to the mock between cases: read and empty its journal, start its limits again, queue faults. */
export interface MockServerControls {
  /** The requests the server answered, oldest first: the last `journalSize`, those matching `filter` if given. */
  requests(filter?: JournalFilter): JournalEntry[];
  /** Empties the journal. */
  resetRequests(): void;
  /** Starts the quota and the rate limit again, as if no request had been counted. */
  resetLimits(): void;
  /** Gives the next `times` export requests (default 1) the fault `kind` instead of their answer. */
  failNext(kind: FaultKind, times?: number): void;
  /** Forgets the faults queued with `failNext`. */
  resetFaults(): void;
}

/** The same controls over HTTP, each documented once above: every one resolves to what the in-process one returns. */
export type OverHttp<Controls> = {
  [Name in keyof Controls]: Controls[Name] extends (...args: infer Args) => infer Result ? (...args: Args) => Promise<Result> : never;
};
