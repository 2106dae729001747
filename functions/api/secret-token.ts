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

/**
 * The analysts' labelled tokens from the same secret, when it is a JSON object with a `labelled`
 * field (`{"token": "…", "labelled": {"alice": "…"}}`); none for a plain token. Each must have the
 * shape of a token; a bad one is refused rather than skipped, so a typo is seen at once.
 */
export function labelledTokensFromSecret(value: unknown): Record<string, string> {
  const text = value instanceof Uint8Array ? new TextDecoder().decode(value) : value;
  if (typeof text !== 'string' || !text.trim().startsWith('{')) return {};
  const labelled = (JSON.parse(text.trim()) as { labelled?: unknown }).labelled;
  if (labelled === undefined) return {};
  if (!labelled || typeof labelled !== 'object' || Array.isArray(labelled)) {
    throw new Error('the API token secret\'s "labelled" field must map labels to tokens');
  }
  const tokens: Record<string, string> = {};
  for (const [label, token] of Object.entries(labelled)) {
    if (typeof token !== 'string' || !TOKEN_SHAPE.test(token) || token.length < MIN_TOKEN_LENGTH) {
      throw new Error(
        `the labelled token "${label}" must be at least ${MIN_TOKEN_LENGTH} characters of A-Z a-z 0-9 . _ ~ + / -`,
      );
    }
    tokens[label] = token;
  }
  return tokens;
}
