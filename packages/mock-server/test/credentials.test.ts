import { describe, expect, it } from 'vitest';
import { authorizationForPrism, classifyCredentials } from '../src/credentials.ts';
import { basicAuth } from './http.ts';

describe('classifyCredentials', () => {
  it.each([
    [undefined, 'missing'],
    ['', 'missing'],
    ['Bearer token', 'malformed'],
    ['Basic', 'malformed'],
    ['Basic not*base64', 'malformed'],
    [`Basic ${Buffer.from('nocolon').toString('base64')}`, 'malformed'],
    [basicAuth('ada@example.com', ''), 'incorrect'],
    [basicAuth('', 'secret'), 'incorrect'],
    [basicAuth('ada@example.com', 'secret'), 'usable'],
    [basicAuth('ada@example.com', 'se:cr:et'), 'usable'],
    [`basic ${Buffer.from('token:api_token').toString('base64')}`, 'usable'],
  ] as const)('%s is %s', (header, expected) => {
    expect(classifyCredentials(header)).toBe(expected);
  });

  it('never hands the real credentials to Prism', () => {
    expect(authorizationForPrism('usable')).toBe(basicAuth('mock', 'mock'));
    expect(authorizationForPrism('missing')).toBeUndefined();
    expect(authorizationForPrism('incorrect')).toBe('Basic');
  });
});
