import { describe, expect, it } from 'vitest';
import { parsePrefer } from '../src/prefer.ts';

describe('parsePrefer', () => {
  it('reads a code and an example, in any order and separator', () => {
    expect(parsePrefer('code=402, example=QuotaExhausted')).toEqual({ ok: true, preference: { code: 402, example: 'QuotaExhausted' } });
    expect(parsePrefer('example="NotFound"; code=404')).toEqual({ ok: true, preference: { code: 404, example: 'NotFound' } });
    expect(parsePrefer(undefined)).toEqual({ ok: true, preference: {} });
    expect(parsePrefer('return=minimal, handling=strict')).toEqual({ ok: true, preference: {} });
    expect(parsePrefer('delay=250, fault=truncate')).toEqual({ ok: true, preference: { delayMs: 250, fault: 'truncate' } });
  });

  it('refuses a preference it does not know, rather than pass over a typo', () => {
    expect(parsePrefer('dely=250')).toEqual({
      ok: false,
      message: "Unknown Prefer 'dely': the mock understands code, example, delay, fault",
    });
    // Prism's own preference: the mock computes its files, so there is nothing for it to do.
    expect(parsePrefer('dynamic=true')).toMatchObject({ ok: false });
  });

  it('explains what is wrong', () => {
    expect(parsePrefer('code=4O2')).toEqual({ ok: false, message: "Invalid Prefer code '4O2': expected an HTTP status such as code=429" });
    expect(parsePrefer('example=')).toMatchObject({ ok: false });
    expect(parsePrefer('delay=-1')).toEqual({
      ok: false,
      message: "Invalid Prefer delay '-1': expected whole milliseconds from 0 to 60000, such as delay=250",
    });
    expect(parsePrefer('delay=60001')).toMatchObject({ ok: false });
    expect(parsePrefer('fault=explode')).toEqual({
      ok: false,
      message: "Invalid Prefer fault 'explode': expected one of drop, truncate, 500, 502, 503, 504",
    });
  });
});
