import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface BedrockRuntimeClientOptions {
  /** Where Bedrock is called; default: the SDK's own resolution (AWS_REGION, then the shared config). */
  region?: string;
  /**
   * Total attempts per Converse call, the first included (SDK standard retry mode: exponential
   * backoff with jitter on throttling, 5xx and timeouts, under the SDK's retry quota).
   */
  maxAttempts?: number;
  /** A model answer of a few thousand tokens takes tens of seconds: the socket wait is generous. */
  requestTimeoutMs?: number;
}

export const DEFAULT_BEDROCK_MAX_ATTEMPTS = 3;

/** The one place that builds the Bedrock runtime client; created once per Lambda container. */
export function createBedrockRuntimeClient(options: BedrockRuntimeClientOptions = {}): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    ...(options.region ? { region: options.region } : {}),
    maxAttempts: options.maxAttempts ?? DEFAULT_BEDROCK_MAX_ATTEMPTS,
    retryMode: 'standard',
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 3_000,
      requestTimeout: options.requestTimeoutMs ?? 60_000,
    }),
  });
}
