import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface DynamoClientOptions {
  /** Set in embedded mode (dynalite) and tests; on Lambda the SDK finds the regional endpoint. */
  endpoint?: string;
  /** The configured AWS_REGION on Lambda (shared/config.ts); us-east-1 when left out. */
  region?: string;
  /** Total attempts per call, including the first (SDK standard retry mode, with backoff). */
  maxAttempts?: number;
  /** Abort a call that has not answered in this time; the SDK then retries it. */
  requestTimeoutMs?: number;
  /** Static credentials for the embedded store, which accepts any. */
  credentials?: DynamoDBClientConfig['credentials'];
}

/**
 * The one place that builds the DynamoDB client. Created once per process (per Lambda container)
 * and shared by every adapter, so connections are reused.
 */
export function createDynamoDocumentClient(options: DynamoClientOptions = {}): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    region: options.region ?? 'us-east-1',
    maxAttempts: options.maxAttempts ?? 4,
    retryMode: 'standard',
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 2_000,
      requestTimeout: options.requestTimeoutMs ?? 5_000,
    }),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
}
