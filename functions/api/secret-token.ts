/** What a bearer token may contain (RFC 6750 b64token, as Hono's bearer-auth checks it). */
const TOKEN_SHAPE = /^[A-Za-z0-9._~+/-]+=*$/;
const MIN_TOKEN_LENGTH = 20;

/**
 * The API token from the Secrets Manager value: the secret string itself (what the stack
 * generates: 48 letters and digits), or a JSON object with a `token` field for a secret managed
 * by hand. Anything else is refused, so a misconfigured secret fails loudly (503), never opens the API.
 */
export function tokenFromSecret(value: unknown): string {
  const token = secretText(value);
  if (!TOKEN_SHAPE.test(token) || token.length < MIN_TOKEN_LENGTH) {
    throw new Error(`the API token must be at least ${MIN_TOKEN_LENGTH} characters of A-Z a-z 0-9 . _ ~ + / -`);
  }
  return token;
}

function secretText(value: unknown): string {
  const text = value instanceof Uint8Array ? new TextDecoder().decode(value) : value;
  if (typeof text !== 'string' || text.trim().length === 0) throw new Error('the API token secret is empty');
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new Error('the API token secret is neither a token nor JSON');
    }
    const token = (parsed as { token?: unknown }).token;
    if (typeof token !== 'string' || token.length === 0) throw new Error('the API token secret has no "token" field');
    return token;
  }
  return trimmed;
}
