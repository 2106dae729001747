import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { InvalidCursorError } from '../../shared/errors';

/** Longest cursor accepted; the stores' own cursors are a few hundred characters. */
export const MAX_CURSOR_LENGTH = 4096;

const MAC_BYTES = 16;
const CURSOR_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/;
const KEY_LABEL = 'stancewatch/api/cursor/v1';

/**
 * Page cursors as the API hands them out: `<payload>.<mac>`, both base64url. The payload is the
 * store's own position (a view store cursor, a commit id, a stream version); the MAC is an
 * HMAC-SHA256 (truncated to 128 bits) over the payload *and the list it belongs to* (route and
 * filters), so a cursor cannot be edited, forged, or replayed against another list or other
 * filters. Cursors are opaque, not secret: the payload is only signed.
 */
export class CursorCodec {
  readonly #key: Buffer;

  private constructor(key: Buffer) {
    this.#key = key;
  }

  /** The key is derived from a secret (the API token or a configured cursor secret), never the secret itself. */
  static fromSecret(secret: string): CursorCodec {
    return new CursorCodec(createHmac('sha256', secret).update(KEY_LABEL).digest());
  }

  /** A key that lives as long as the process: cursors stop working after a restart. */
  static ephemeral(): CursorCodec {
    return new CursorCodec(randomBytes(32));
  }

  seal(scope: string, position: unknown): string {
    const payload = Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
    return `${payload}.${this.#mac(scope, payload).toString('base64url')}`;
  }

  /** The position sealed in `cursor` for this `scope`; undefined for no cursor; InvalidCursorError otherwise. */
  open(scope: string, cursor: string | undefined): unknown {
    if (cursor === undefined || cursor === '') return undefined;
    if (cursor.length > MAX_CURSOR_LENGTH || !CURSOR_SHAPE.test(cursor)) throw invalid();
    const [payload = '', mac = ''] = cursor.split('.');
    const expected = this.#mac(scope, payload);
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw invalid();
    }
  }

  #mac(scope: string, payload: string): Buffer {
    return createHmac('sha256', this.#key).update(scope).update('\n').update(payload).digest().subarray(0, MAC_BYTES);
  }
}

const invalid = () =>
  new InvalidCursorError(
    'the cursor is not valid for this list (edited, expired by a token change, or from other filters)',
  );

/** The scope a cursor is bound to: the list's name and its filters in a fixed order (limit excluded). */
export function cursorScope(list: string, filters: Record<string, string | boolean | undefined>): string {
  const entries = Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .sort(([left], [right]) => (left < right ? -1 : 1));
  return JSON.stringify([list, entries]);
}
