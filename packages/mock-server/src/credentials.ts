/**
 * What the mock can tell about an `Authorization` header without an account database: whether
 * it is missing, unreadable, readable but impossible (an empty user name or password), or a
 * usable `email:password` or `api_token:api_token` pair. The mock accepts every usable pair.
 */
export type CredentialsKind = 'missing' | 'malformed' | 'incorrect' | 'usable';

/** How a request signed in, as the journal tells it: the kind, with usable pairs told apart. */
export type CredentialsUse = Exclude<CredentialsKind, 'usable'> | 'api_token' | 'email_password';

export interface ReadCredentials {
  kind: CredentialsKind;
  use: CredentialsUse;
  /** The email or API token of a usable pair: who the quota and the rate limit count for. Never logged or kept. */
  user?: string;
}

const missing: ReadCredentials = { kind: 'missing', use: 'missing' };
const malformed: ReadCredentials = { kind: 'malformed', use: 'malformed' };
const incorrect: ReadCredentials = { kind: 'incorrect', use: 'incorrect' };

export function readCredentials(authorization: string | undefined): ReadCredentials {
  if (authorization === undefined || authorization.trim() === '') return missing;
  const match = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(authorization);
  if (!match?.[1] || match[1].length % 4 === 1) return malformed;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return malformed;
  if (colon === 0 || colon === decoded.length - 1) return incorrect;
  const password = decoded.slice(colon + 1);
  return { kind: 'usable', use: password === 'api_token' ? 'api_token' : 'email_password', user: decoded.slice(0, colon) };
}

export const classifyCredentials = (authorization: string | undefined): CredentialsKind => readCredentials(authorization).kind;

/**
 * The header Prism sees: a fixed pair for usable credentials, none for missing ones, and one it
 * rejects for the rest. Prism checks only the header's shape, and the real credentials never
 * reach it (nor the response cache).
 */
export function authorizationForPrism(credentials: CredentialsKind): string | undefined {
  if (credentials === 'missing') return undefined;
  return credentials === 'usable' ? `Basic ${Buffer.from('mock:mock').toString('base64')}` : 'Basic';
}
