import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { type BehaviourOptions, resolveBehaviour } from '../src/behaviour-options.ts';
import { startMockServer } from '../src/server.ts';

const quotaAllowed = 'use a plan (free, starter, premium), a number of requests, or { limit, windowSeconds }';
const rateLimitAllowed = 'use true (one request a second, as Toggl) or { perSecond, burst }';

describe('resolveBehaviour', () => {
  it('fills in the defaults', () => {
    expect(resolveBehaviour({})).toEqual({
      corsOrigins: '*',
      journalSize: 1000,
      quota: undefined,
      rateLimit: undefined,
      latencyMs: 0,
      faults: {},
      renderThreads: Math.min(Math.max(availableParallelism() - 1, 1), 4),
    });
  });

  it('reads every form of every option', () => {
    expect(
      resolveBehaviour({
        corsOrigins: ['http://localhost:5173', 'https://app.example:8443'],
        journalSize: 0,
        quota: { limit: 5, windowSeconds: 0.5 },
        rateLimit: { perSecond: 0.5 },
        latencyMs: 60_000,
        faults: { drop: 0, '503': 1 },
        renderThreads: 0,
      }),
    ).toEqual({
      corsOrigins: ['http://localhost:5173', 'https://app.example:8443'],
      journalSize: 0,
      quota: { limit: 5, windowSeconds: 0.5 },
      rateLimit: { perSecond: 0.5, burst: 1 },
      latencyMs: 60_000,
      faults: { drop: 0, '503': 1 },
      renderThreads: 0,
    });
    expect(resolveBehaviour({ corsOrigins: false, rateLimit: true, quota: 'starter' })).toMatchObject({
      corsOrigins: false,
      rateLimit: {},
      quota: { limit: 240 },
    });
    expect(resolveBehaviour({ quota: 7, rateLimit: false })).toMatchObject({ quota: { limit: 7 }, rateLimit: undefined });
    expect(resolveBehaviour({ quota: { limit: 2 } }).quota).toEqual({ limit: 2, windowSeconds: 3600 });
  });

  it.each<[string, unknown, string]>([
    [
      'corsOrigins',
      'http://localhost:5173',
      "Invalid corsOrigins 'http://localhost:5173': use '*', a list of origins such as ['http://localhost:5173'], or false",
    ],
    ['corsOrigins', true, "Invalid corsOrigins true: use '*', a list of origins such as ['http://localhost:5173'], or false"],
    ['corsOrigins', ['http://a.test', 42], 'Invalid corsOrigins[1]: is number, not a string'],
    ['corsOrigins', ['a.test'], "Invalid corsOrigins[0]: 'a.test' is not a URL"],
    [
      'corsOrigins',
      ['http://a.test/app'],
      "Invalid corsOrigins[0]: 'http://a.test/app' is not an origin: write scheme://host[:port] with nothing after, such as http://localhost:5173",
    ],
    ['corsOrigins', ['localhost:5173'], "Invalid corsOrigins[0]: 'localhost:5173' is not an origin"],
    ['journalSize', -1, 'Invalid journalSize -1: expected a whole number from 0 to 1000000'],
    ['journalSize', 2.5, 'Invalid journalSize 2.5: expected a whole number from 0 to 1000000'],
    ['journalSize', '100', "Invalid journalSize '100': expected a whole number from 0 to 1000000"],
    ['journalSize', 1_000_001, 'Invalid journalSize 1000001'],
    ['quota', 'gold', `Invalid quota 'gold': ${quotaAllowed}`],
    ['quota', 0, 'Invalid quota 0: expected a whole number from 1 to 1000000'],
    ['quota', null, `Invalid quota null: ${quotaAllowed}`],
    ['quota', [30], `Invalid quota a list: ${quotaAllowed}`],
    ['quota', {}, 'Invalid quota.limit undefined: expected a whole number from 1 to 1000000'],
    ['quota', { limit: 3, windowSeconds: 0 }, 'Invalid quota.windowSeconds 0: expected a number above 0'],
    ['quota', { limit: 3, windowSeconds: Number.POSITIVE_INFINITY }, 'Invalid quota.windowSeconds Infinity: expected a number above 0'],
    ['quota', { limit: 3, window: 60 }, "Invalid quota: unknown field 'window'; the fields are limit, windowSeconds"],
    ['rateLimit', 'yes', `Invalid rateLimit 'yes': ${rateLimitAllowed}`],
    ['rateLimit', 1, `Invalid rateLimit 1: ${rateLimitAllowed}`],
    ['rateLimit', { perSecond: 0 }, 'Invalid rateLimit.perSecond 0: expected a number above 0'],
    ['rateLimit', { burst: 0.5 }, 'Invalid rateLimit.burst 0.5: expected a whole number from 1 to 1000000'],
    ['rateLimit', { perSec: 2 }, "Invalid rateLimit: unknown field 'perSec'; the fields are perSecond, burst"],
    ['latencyMs', -5, 'Invalid latencyMs -5: expected a whole number from 0 to 60000'],
    ['latencyMs', 60_001, 'Invalid latencyMs 60001: expected a whole number from 0 to 60000'],
    ['faults', ['503'], 'Invalid faults a list: use an object of chances from 0 to 1 for drop, truncate, 500, 502, 503, 504'],
    ['faults', 0.5, 'Invalid faults 0.5: use an object of chances from 0 to 1'],
    ['faults', { '418': 0.5 }, "Invalid faults key '418': the faults are drop, truncate, 500, 502, 503, 504"],
    ['faults', { '503': 1.5 }, 'Invalid faults.503 1.5: expected a chance from 0 to 1'],
    ['faults', { drop: '0.1' }, "Invalid faults.drop '0.1': expected a chance from 0 to 1"],
    ['faults', { drop: Number.NaN }, 'Invalid faults.drop NaN: expected a chance from 0 to 1'],
    ['renderThreads', -1, 'Invalid renderThreads -1: expected a whole number from 0 to 64'],
    ['renderThreads', 1.5, 'Invalid renderThreads 1.5: expected a whole number from 0 to 64'],
    ['renderThreads', '2', "Invalid renderThreads '2': expected a whole number from 0 to 64"],
    ['renderThreads', 65, 'Invalid renderThreads 65: expected a whole number from 0 to 64'],
  ])('refuses %s: %o', (option, value, message) => {
    const resolve = () => resolveBehaviour({ [option]: value } as BehaviourOptions);
    expect(resolve).toThrow(TypeError);
    expect(resolve).toThrow(message);
  });
});

describe('startMockServer', () => {
  it('refuses a bad option before it listens', async () => {
    await expect(startMockServer({ port: 0, quota: { limit: -1 } })).rejects.toThrow(
      new TypeError('Invalid quota.limit -1: expected a whole number from 1 to 1000000'),
    );
  });
});
