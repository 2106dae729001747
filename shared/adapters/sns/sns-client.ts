import { SNSClient } from '@aws-sdk/client-sns';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface SnsClientOptions {
  /** The configured AWS_REGION on Lambda (shared/config.ts); us-east-1 when left out. */
  region?: string;
  /** Total attempts per publish, including the first (SDK standard retry mode, with backoff). */
  maxAttempts?: number;
  endpoint?: string;
}

/** The one place that builds the SNS client; created once per Lambda container. */
export function createSnsClient(options: SnsClientOptions = {}): SNSClient {
  return new SNSClient({
    region: options.region ?? 'us-east-1',
    maxAttempts: options.maxAttempts ?? 4,
    retryMode: 'standard',
    requestHandler: new NodeHttpHandler({ connectionTimeout: 2_000, requestTimeout: 5_000 }),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
}
