import { describe, expect, it } from 'vitest';
import { parsePrefer } from '../src/prefer.ts';

describe('parsePrefer', () => {
  it('reads a code and an example, in any order and separator', () => {
    expect(parsePrefer('code=402, example=QuotaExhausted')).toEqual({ ok: true, preference: { code: 402, example: 'QuotaExhausted' } });
    expect(parsePrefer('example="NotFound"; code=404')).toEqual({ ok: true, preference: { code: 404, example: 'NotFound' } });
    expect(parsePrefer(undefined)).toEqual({ ok: true, preference: {} });
    expect(parsePrefer('dynamic=true, return=minimal')).toEqual({ ok: true, preference: {} });
  });

  it('explains what is wrong', () => {
    expect(parsePrefer('code=4O2')).toEqual({ ok: false, message: "Invalid Prefer code '4O2': expected an HTTP status such as code=429" });
    expect(parsePrefer('example=')).toMatchObject({ ok: false });
  });
});
