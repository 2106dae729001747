import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import {
  type ErrorCode,
  HTTP_STATUS_BY_CODE,
  isStancewatchError,
  type KnownError,
  ValidationError,
} from '../../shared/errors';

/** The one JSON shape of every error the API returns. */
export interface ErrorBody {
  error: string;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

/** What Hono's own middleware throws (body limit, CSRF, malformed JSON, media type gate), as codes. */
const CODE_BY_HTTP_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'DOCUMENT_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * Throttling and unavailability come from the AWS adapters; their messages name operations and
 * SDK error types, so the API answers with fixed wording and no details.
 */
const FIXED_MESSAGES: Readonly<Record<string, string>> = {
  THROTTLED: 'the store is busy; retry in a moment',
  STORE_UNAVAILABLE: 'the store is unavailable; try again shortly',
};

/** Detail keys that may carry infrastructure names; never sent to a caller. */
const PRIVATE_DETAIL_KEYS = new Set(['awsError', 'operation', 'cause', 'stack']);

export interface ErrorResponse {
  status: ContentfulStatusCode;
  body: ErrorBody;
  headers: Record<string, string>;
}

/** Turns anything thrown while serving a request into a status and a safe body. */
export function errorResponseOf(error: unknown, requestId: string): ErrorResponse {
  if (isStancewatchError(error)) {
    // A 500 is a fault of the service (an invalid stored event, an undeliverable alert): no details.
    const status = HTTP_STATUS_BY_CODE[error.code];
    return status === 500 ? internalError(requestId) : fromDomainError(error, status);
  }
  if (error instanceof HTTPException) {
    const code = CODE_BY_HTTP_STATUS[error.status];
    if (code === undefined || error.status >= 500) return internalError(requestId);
    const headers: Record<string, string> = {};
    const challenge = error.res?.headers.get('www-authenticate');
    if (challenge) headers['www-authenticate'] = challenge;
    return {
      status: error.status as ContentfulStatusCode,
      body: { error: code, message: httpExceptionMessage(error, code) },
      headers,
    };
  }
  return internalError(requestId);
}

function fromDomainError(error: KnownError, status: ContentfulStatusCode): ErrorResponse {
  const fixed = FIXED_MESSAGES[error.code];
  const details = fixed === undefined ? publicDetails(error.details) : undefined;
  return {
    status,
    body: { error: error.code, message: fixed ?? error.message, ...(details ? { details } : {}) },
    headers: error.code === 'THROTTLED' || error.code === 'STORE_UNAVAILABLE' ? { 'retry-after': '1' } : {},
  };
}

function internalError(requestId: string): ErrorResponse {
  return { status: 500, body: { error: 'INTERNAL', message: 'internal error', requestId }, headers: {} };
}

function publicDetails(details: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!details) return undefined;
  const kept = Object.entries(details).filter(([key, value]) => !PRIVATE_DETAIL_KEYS.has(key) && value !== undefined);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

const DEFAULT_HTTP_MESSAGES: Readonly<Record<string, string>> = {
  VALIDATION_FAILED: 'the request is malformed',
  UNAUTHORIZED: 'a valid bearer token is required (Authorization: Bearer <token>)',
  FORBIDDEN: 'the request was refused',
  NOT_FOUND: 'not found',
  DOCUMENT_TOO_LARGE: 'the request body is too large',
  UNSUPPORTED_MEDIA_TYPE: 'send application/json, text/plain or text/html',
};

/** Hono's messages are short English phrases ("Malformed JSON in request body"); keep those, never a stack. */
function httpExceptionMessage(error: HTTPException, code: string): string {
  const message = error.message?.trim();
  if (message && message.length <= 200 && !/\n/.test(message)) {
    return message.charAt(0).toLowerCase() + message.slice(1);
  }
  return DEFAULT_HTTP_MESSAGES[code] ?? 'the request was refused';
}

/** A zod failure from a Hono validator, as the domain's ValidationError naming each field. */
export function validationErrorOf(error: ZodError, location: string): ValidationError {
  const issues = error.issues.slice(0, 20).map((issue) => ({
    in: location,
    field: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
  const where = location === 'json' ? 'body' : location;
  return new ValidationError(
    `invalid ${where}: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`,
    { details: { issues } },
  );
}

/** Writes an ErrorResponse as JSON. */
export function sendError(context: Context, response: ErrorResponse): Response {
  for (const [name, value] of Object.entries(response.headers)) context.header(name, value);
  return context.json(response.body, response.status);
}
