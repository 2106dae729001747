import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { StoreUnavailableError } from '../../shared/errors';
import { CursorCodec } from './cursor';

export interface AuthSettings {
  /** The bearer token, or a function that fetches it (Secrets Manager); undefined disables auth. */
  token: string | (() => Promise<string>) | undefined;
  /**
   * More tokens, each with a label that names who uses it (`stancewatch token --label alice`):
   * verdicts record the label. The main token's label is `owner`.
   */
  labelledTokens?: Readonly<Record<string, string>> | (() => Promise<Readonly<Record<string, string>>>);
  /** STANCEWATCH_PUBLIC_READ=true: GET routes without a token, writes still protected. */
  publicRead: boolean;
}

/** The dashboard's login cookie: holds the token itself (HttpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'stancewatch_session';

/**
 * Who may call a path:
 * - public: health, the OpenAPI document and its reference page (they describe the API, not the
 *   data), the dashboard's stylesheet, and the login/logout endpoints;
 * - dashboard: HTML pages; the login cookie (or a bearer token) lets you in, else a redirect to /login;
 * - api: everything else, including paths no route serves (so an unknown path reveals nothing
 *   without a token); a bearer token is required.
 */
export type Access = 'public' | 'dashboard' | 'api';

const PUBLIC_PATHS = new Set(['/health', '/openapi.json', '/docs', '/docs/interactive', '/login', '/logout']);

export function accessOf(path: string): Access {
  if (PUBLIC_PATHS.has(path) || path.startsWith('/assets/')) return 'public';
  if (path === '/' || path.startsWith('/actors/') || path === '/desk' || path.startsWith('/desk/')) return 'dashboard';
  return 'api';
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/** Compares in constant time (over SHA-256 digests, so unequal lengths leak nothing either). */
export function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** What the auth middleware leaves on a request: who it acts for. */
export type AuthVariables = { principal?: string };
type AuthContext = Context<{ Variables: AuthVariables }>;
const setPrincipal = (context: Context, label: string) => (context as unknown as AuthContext).set('principal', label);

/** Who a request acts for: a token's label, `owner` for the main token, `local` with auth off. */
export const OWNER_LABEL = 'owner';
export const LOCAL_LABEL = 'local';

export interface Auth {
  readonly enabled: boolean;
  readonly publicRead: boolean;
  /** The label of the token a request carries (bearer or login cookie), or undefined if none is valid. */
  identify(context: Context): Promise<string | undefined>;
  /** The current token (fetched through the settings' function, which caches); undefined when auth is off. */
  token(): Promise<string | undefined>;
  verify(candidate: string | undefined): Promise<boolean>;
  /** The codec that signs page cursors, keyed from the token (or the configured secret). */
  cursors(): Promise<CursorCodec>;
  /** Guards every route per `accessOf`. */
  middleware: MiddlewareHandler;
  /** True when the request carries a valid login cookie or bearer token (or auth is off). */
  signedIn(context: Context): Promise<boolean>;
}

export function createAuth(settings: AuthSettings, cursorSecret?: string): Auth {
  const source = settings.token;
  const enabled = source !== undefined;
  const fixedCodec = cursorSecret
    ? CursorCodec.fromSecret(cursorSecret)
    : typeof source === 'string'
      ? CursorCodec.fromSecret(source)
      : source === undefined
        ? CursorCodec.ephemeral()
        : undefined;
  let derived: { token: string; codec: CursorCodec } | undefined;

  const token = async (): Promise<string | undefined> => {
    if (source === undefined || typeof source === 'string') return source;
    let value: string;
    try {
      value = await source();
    } catch (error) {
      throw new StoreUnavailableError('the API token could not be loaded', { cause: error });
    }
    if (typeof value !== 'string' || value.length === 0) {
      throw new StoreUnavailableError('the API token is empty');
    }
    return value;
  };

  const labelled = async (): Promise<Readonly<Record<string, string>>> => {
    const extra = settings.labelledTokens;
    if (extra === undefined) return {};
    try {
      return typeof extra === 'function' ? await extra() : extra;
    } catch (error) {
      throw new StoreUnavailableError('the labelled API tokens could not be loaded', { cause: error });
    }
  };

  /** The label of the token, or undefined. Every candidate is compared, so timing says nothing of which matched. */
  const labelOf = async (candidate: string | undefined): Promise<string | undefined> => {
    if (!enabled) return LOCAL_LABEL;
    if (!candidate) return undefined;
    const expected = await token();
    let found = expected !== undefined && sameToken(candidate, expected) ? OWNER_LABEL : undefined;
    for (const [label, value] of Object.entries(await labelled())) {
      if (sameToken(candidate, value) && found === undefined) found = label;
    }
    return found;
  };

  const verify = async (candidate: string | undefined): Promise<boolean> => (await labelOf(candidate)) !== undefined;

  const cursors = async (): Promise<CursorCodec> => {
    if (fixedCodec) return fixedCodec;
    const current = (await token()) as string;
    if (derived?.token !== current) derived = { token: current, codec: CursorCodec.fromSecret(current) };
    return derived.codec;
  };

  const bearer = bearerAuth({
    verifyToken: async (candidate, context) => {
      const label = await labelOf(candidate);
      if (label !== undefined) setPrincipal(context, label);
      return label !== undefined;
    },
  });
  const requireBearer: MiddlewareHandler = async (context, next) => {
    try {
      // Only the check runs inside the try: errors of the route itself must not become 401s.
      await bearer(context, async () => {});
    } catch (error) {
      if (!(error instanceof HTTPException)) throw error;
      // Hono answers 400 for a malformed Authorization header and 401 otherwise; keep its
      // statuses and WWW-Authenticate challenges, with messages that say what to send.
      const message =
        error.status === 400
          ? 'the Authorization header must be "Bearer <token>"'
          : context.req.header('authorization')
            ? 'the bearer token is not valid'
            : 'a bearer token is required (Authorization: Bearer <token>)';
      throw new HTTPException(error.status, { message, ...(error.res ? { res: error.res } : {}) });
    }
    await next();
  };

  const identify = async (context: Context): Promise<string | undefined> => {
    if (!enabled) return LOCAL_LABEL;
    const header = context.req.header('authorization');
    const bearerToken = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    return (await labelOf(getCookie(context, SESSION_COOKIE))) ?? (await labelOf(bearerToken));
  };

  const signedIn = async (context: Context): Promise<boolean> => (await identify(context)) !== undefined;

  const middleware: MiddlewareHandler = async (context, next) => {
    if (!enabled) {
      setPrincipal(context, LOCAL_LABEL);
      return next();
    }
    const access = accessOf(context.req.path);
    if (access === 'public') return next();
    if (settings.publicRead && READ_METHODS.has(context.req.method)) return next();
    if (access === 'dashboard') {
      const label = await identify(context);
      if (label !== undefined) {
        setPrincipal(context, label);
        return next();
      }
      const target = `${context.req.path}${new URL(context.req.url).search}`;
      return context.redirect(`/login?next=${encodeURIComponent(target)}`, 303);
    }
    return requireBearer(context, next);
  };

  return { enabled, publicRead: settings.publicRead, identify, token, verify, cursors, middleware, signedIn };
}
