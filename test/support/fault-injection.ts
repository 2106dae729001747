import type {
  DeserializeHandler,
  DeserializeHandlerArguments,
  DeserializeHandlerOutput,
  HandlerExecutionContext,
  HttpRequest,
  HttpResponse,
  MetadataBearer,
  MiddlewareStack,
} from '@smithy/types';

/**
 * Fault injection through the AWS SDK v3 middleware stack: no handler, adapter or client factory
 * is edited. The middleware sits in the `deserialize` step with low priority, i.e. *inside* the
 * SDK's retry loop and right before the HTTP handler, so every attempt (first try and each SDK
 * retry) is one "call" that may fail, and the SDK sees failures exactly as it would see them from
 * the network: an HTTP error response its own deserializer turns into the modelled exception
 * (ThrottlingException, InternalServerError…), or a socket error.
 *
 * Kinds:
 * - `throttling`: HTTP 400 with the service's throttling error; nothing reached the service;
 * - `server-error`: HTTP 500 InternalServerError / InternalError; nothing reached the service;
 * - `connection-reset`: ECONNRESET before the request was sent;
 * - `timeout`: the request *was* sent and the service did the work, but the answer is lost
 *   (TimeoutError after it): the case that tests idempotency, because the caller (the SDK's own
 *   retry, then the application) does not know the write already happened.
 *
 * Deterministic with a seed: which call fails and how is drawn from a seeded PRNG in call order,
 * so the same sequence of calls gets the same faults. (With concurrent callers the order of calls
 * itself can vary between runs; the log says what was injected where.)
 */
export type FaultKind = 'throttling' | 'server-error' | 'connection-reset' | 'timeout';

export const ALL_FAULT_KINDS: readonly FaultKind[] = ['throttling', 'server-error', 'connection-reset', 'timeout'];

export interface FaultInjectorOptions {
  seed: number;
  /** Share of calls (attempts) that fail, 0..1. */
  rate: number;
  kinds?: readonly FaultKind[];
  /** Only calls for which this returns true may fail (default: all). */
  only?: (call: { clientName: string; commandName: string }) => boolean;
  /** How long a `timeout` waits after the service answered before failing (ms). */
  timeoutDelayMs?: number;
}

export interface InjectedFault {
  call: number;
  clientName: string;
  commandName: string;
  kind: FaultKind;
}

export interface FaultStats {
  calls: number;
  faults: number;
  byKind: Record<FaultKind, number>;
  byCommand: Record<string, { calls: number; faults: number }>;
}

/** sfc32: a small, fast, well-distributed seeded PRNG (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

type Protocol = 'dynamodb' | 'sns';

const protocolOf = (clientName: string): Protocol => (clientName.startsWith('SNS') ? 'sns' : 'dynamodb');

const encoder = new TextEncoder();

function errorResponse(protocol: Protocol, kind: 'throttling' | 'server-error', requestId: string): HttpResponse {
  const statusCode = kind === 'throttling' ? 400 : 500;
  if (protocol === 'dynamodb') {
    const type = kind === 'throttling' ? 'ThrottlingException' : 'InternalServerError';
    const message =
      kind === 'throttling' ? 'Rate of requests exceeds the allowed throughput.' : 'Internal server error';
    return {
      statusCode,
      reason: kind === 'throttling' ? 'Bad Request' : 'Internal Server Error',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': `${type}:`,
      },
      body: encoder.encode(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message })),
    };
  }
  const code = kind === 'throttling' ? 'Throttled' : 'InternalError';
  const message = kind === 'throttling' ? 'Rate exceeded' : 'Internal error';
  const type = kind === 'throttling' ? 'Sender' : 'Receiver';
  return {
    statusCode,
    reason: kind === 'throttling' ? 'Bad Request' : 'Internal Server Error',
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: encoder.encode(
      `<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>${type}</Type>` +
        `<Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    ),
  };
}

const networkError = (message: string, name: string, code: string) => Object.assign(new Error(message), { name, code });

export class FaultInjector {
  /** Switch faults off (e.g. while a test reads the final state) and on again. */
  enabled = true;
  readonly log: InjectedFault[] = [];
  readonly #random: () => number;
  readonly #options: FaultInjectorOptions;
  readonly #kinds: readonly FaultKind[];
  #calls = 0;
  readonly #byCommand = new Map<string, { calls: number; faults: number }>();

  constructor(options: FaultInjectorOptions) {
    if (!(options.rate >= 0 && options.rate <= 1)) throw new Error(`rate must be within 0..1, got ${options.rate}`);
    this.#options = options;
    this.#random = seededRandom(options.seed);
    this.#kinds = options.kinds ?? ALL_FAULT_KINDS;
    if (this.#kinds.length === 0) throw new Error('at least one fault kind');
  }

  /** Adds the middleware to a client (or a DynamoDBDocumentClient, which shares its client's stack). */
  attach<Client extends { middlewareStack: MiddlewareStack<object, MetadataBearer> }>(client: Client): Client {
    client.middlewareStack.add(
      // biome-ignore lint/suspicious/noExplicitAny: the stack is typed per client; this middleware fits all
      ((next: DeserializeHandler<any, any>, context: HandlerExecutionContext) =>
        (args: DeserializeHandlerArguments<object>) =>
          this.#handle(next, context, args)) as never,
      { step: 'deserialize', priority: 'low', name: 'stancewatchFaultInjection', tags: ['FAULT_INJECTION'] },
    );
    return client;
  }

  stats(): FaultStats {
    const byKind = Object.fromEntries(ALL_FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
    for (const fault of this.log) byKind[fault.kind]++;
    return {
      calls: this.#calls,
      faults: this.log.length,
      byKind,
      byCommand: Object.fromEntries(this.#byCommand),
    };
  }

  async #handle(
    // biome-ignore lint/suspicious/noExplicitAny: see attach
    next: DeserializeHandler<object, any>,
    context: HandlerExecutionContext,
    args: DeserializeHandlerArguments<object>,
  ): Promise<DeserializeHandlerOutput<MetadataBearer>> {
    const clientName = context.clientName ?? 'unknown';
    const commandName = context.commandName ?? 'unknown';
    if (!this.enabled || (this.#options.only && !this.#options.only({ clientName, commandName }))) {
      return next(args);
    }
    const call = ++this.#calls;
    const counts = this.#byCommand.get(commandName) ?? { calls: 0, faults: 0 };
    counts.calls++;
    this.#byCommand.set(commandName, counts);
    // Two draws per call, always, so one call's kind never shifts the next call's decision.
    const fails = this.#random() < this.#options.rate;
    const kind = this.#kinds[Math.floor(this.#random() * this.#kinds.length)] as FaultKind;
    if (!fails) return next(args);

    counts.faults++;
    this.log.push({ call, clientName, commandName, kind });
    const requestId = `injected-fault-${call}`;
    switch (kind) {
      case 'throttling':
      case 'server-error':
        return { response: errorResponse(protocolOf(clientName), kind, requestId), output: undefined as never };
      case 'connection-reset':
        throw networkError('socket hang up (injected before sending)', 'Error', 'ECONNRESET');
      case 'timeout': {
        const request = args.request as HttpRequest;
        await next({ ...args, request });
        await new Promise((resolve) => setTimeout(resolve, this.#options.timeoutDelayMs ?? 5));
        throw networkError(
          'the answer did not arrive in time (injected after the service answered)',
          'TimeoutError',
          'ETIMEDOUT',
        );
      }
    }
  }
}
