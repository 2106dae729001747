import { BedrockExtractionError } from '../../errors';

/**
 * The retry policy on top of the SDK's. The client retries each call itself (standard mode,
 * `maxAttempts`); when it gives up on a transient error, this policy waits (exponential backoff with
 * full jitter) and asks again, up to `attempts` calls in all, and never past the document's
 * deadline. Anything else (access denied, unknown model, a refused request) fails at once: retrying
 * cannot fix it, and the extractor falls back to the rules.
 */

/** Errors worth another call: throttling, capacity, timeouts, 5xx, a model still loading, dropped sockets. */
const TRANSIENT = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'ServiceUnavailableException',
  'InternalServerException',
  'InternalFailure',
  'ModelTimeoutException',
  'ModelNotReadyException',
  'ModelErrorException',
  'ModelStreamErrorException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED']);

interface AwsLikeError {
  name?: unknown;
  code?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
}

export const errorNameOf = (error: unknown): string =>
  error && typeof error === 'object' && typeof (error as AwsLikeError).name === 'string'
    ? String((error as AwsLikeError).name)
    : 'Error';

export function isTransientBedrockError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as AwsLikeError;
  if (TRANSIENT.has(errorNameOf(error))) return true;
  if (typeof e.code === 'string' && TRANSIENT_CODES.has(e.code)) return true;
  if (e.$retryable) return true;
  const status = e.$metadata?.httpStatusCode;
  return typeof status === 'number' && (status === 429 || status >= 500);
}

export interface RetryPolicy {
  /** Calls in all (each one already retried by the SDK); 1 disables this policy. */
  attempts: number;
  /** Backoff before retry n (1-based): random in [0, min(maxDelayMs, baseDelayMs × 2^(n-1))]. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 3, baseDelayMs: 1_000, maxDelayMs: 20_000 };

export interface RetryContext {
  policy: RetryPolicy;
  /** Epoch ms after which no new call is started. */
  deadline: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  signal?: AbortSignal;
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void;
}

export async function withRetries<T>(operation: () => Promise<T>, context: RetryContext): Promise<T> {
  const attempts = Math.max(1, Math.floor(context.policy.attempts));
  for (let attempt = 1; ; attempt += 1) {
    if (context.signal?.aborted) throw abortedError(context.signal);
    if (context.now() >= context.deadline) {
      throw new BedrockExtractionError('the time budget for this document ran out before Bedrock answered', {
        details: { errorName: 'DeadlineExceeded', transient: true, attempts: attempt - 1 },
      });
    }
    try {
      return await operation();
    } catch (error) {
      if (context.signal?.aborted) throw abortedError(context.signal);
      const name = errorNameOf(error);
      const transient = isTransientBedrockError(error);
      if (!transient) {
        throw new BedrockExtractionError(`Bedrock refused the request (${name})`, {
          details: { errorName: name, transient: false, attempts: attempt },
          cause: error,
        });
      }
      const ceiling = Math.min(context.policy.maxDelayMs, context.policy.baseDelayMs * 2 ** (attempt - 1));
      const delay = Math.floor(context.random() * ceiling);
      if (attempt >= attempts || context.now() + delay >= context.deadline) {
        throw new BedrockExtractionError(`Bedrock kept failing (${name}) after ${attempt} call(s)`, {
          details: { errorName: name, transient: true, attempts: attempt },
          cause: error,
        });
      }
      context.onRetry?.(attempt, error, delay);
      await context.sleep(delay);
    }
  }
}

function abortedError(signal: AbortSignal): BedrockExtractionError {
  const reason = signal.reason;
  return reason instanceof BedrockExtractionError
    ? reason
    : new BedrockExtractionError('the extraction was abandoned', {
        details: { errorName: 'Aborted', transient: false },
      });
}
