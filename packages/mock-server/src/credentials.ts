/**
 * What the mock can tell about an `Authorization` header without an account database: whether
 * it is missing, unreadable, readable but impossible (an empty user name or password), or a
 * usable `email:password` or `api_token:api_token` pair. The mock accepts every usable pair.
 */
export type CredentialsKind = 'missing' | 'malformed' | 'incorrect' | 'usable';

export function classifyCredentials(authorization: string | undefined): CredentialsKind {
  if (authorization === undefined || authorization.trim() === '') return 'missing';
  const match = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(authorization);
  if (!match?.[1] || match[1].length % 4 === 1) return 'malformed';
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return 'malformed';
  return colon === 0 || colon === decoded.length - 1 ? 'incorrect' : 'usable';
}

/**
 * The header Prism sees: a fixed pair for usable credentials, none for missing ones, and one it
 * rejects for the rest. Prism checks only the header's shape, and the real credentials never
 * reach it (nor the response cache).
 */
export function authorizationForPrism(credentials: CredentialsKind): string | undefined {
  if (credentials === 'missing') return undefined;
  return credentials === 'usable' ? `Basic ${Buffer.from('mock:mock').toString('base64')}` : 'Basic';
}
