import { clearCaches } from '@aws-lambda-powertools/parameters';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tokenFromSecret } from '../../../functions/api/secret-token';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:stancewatch-api-token-AbCdEf';
const TOKEN = 'Q7x9Lm2Pz8Kc4Vb6Nt1Rw5Hy3Jd0Fg7Sa9Ue2Io4Xq6Wc8';

const secrets = mockClient(SecretsManagerClient);
const dynamo = mockClient(DynamoDBDocumentClient);

function environment(overrides: Record<string, string> = {}) {
  const values = {
    AWS_REGION: 'eu-west-1',
    EVENTS_TABLE: 'events',
    VIEWS_TABLE: 'views',
    API_TOKEN_SECRET_ARN: SECRET_ARN,
    ...overrides,
  };
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
}

/** An API Gateway HTTP API (payload 2.0) request, as the $default stage sends it. */
function event(
  path: string,
  headers: Record<string, string> = {},
  request: { method: string; body?: string } = { method: 'GET' },
): APIGatewayProxyEventV2 {
  const [rawPath = '/', rawQueryString = ''] = path.split('?');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: { host: 'abc123.execute-api.eu-west-1.amazonaws.com', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method: request.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      requestId: 'lambda-request-1',
      routeKey: '$default',
      stage: '$default',
      time: '26/Nov/2026:03:00:00 +0000',
      timeEpoch: 1_795_000_000_000,
    },
    isBase64Encoded: false,
    ...(request.body !== undefined ? { body: request.body } : {}),
  };
}

/** The handler's generic event type accepts any Lambda event; here it gets API Gateway's. */
type ApiGatewayHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<{ statusCode: number; body: string }>;
const invoke = (handler: unknown, request: APIGatewayProxyEventV2) =>
  (handler as ApiGatewayHandler)(request, {} as Context);

beforeEach(() => {
  vi.resetModules();
  // Powertools keeps fetched secrets in a module-level cache that outlives vi.resetModules.
  clearCaches();
  secrets.reset();
  dynamo.reset();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('API Lambda entry', () => {
  it.each(['EVENTS_TABLE', 'VIEWS_TABLE', 'API_TOKEN_SECRET_ARN'])(
    'stops at init without %s, naming it',
    async (name) => {
      environment({ [name]: '' });
      await expect(import('../../../functions/api/handler')).rejects.toThrow(
        new RegExp(`The API function needs the environment variable ${name}`),
      );
    },
  );

  it('refuses a STANCEWATCH_PUBLIC_READ that is neither true nor false', async () => {
    environment({ STANCEWATCH_PUBLIC_READ: 'yes' });
    await expect(import('../../../functions/api/handler')).rejects.toThrow(
      /STANCEWATCH_PUBLIC_READ must be "true" or "false"/,
    );
  });

  it('serves the app through API Gateway events, with the token from Secrets Manager (cached)', async () => {
    environment();
    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: TOKEN });
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(GetCommand).resolves({});
    const { handler } = await import('../../../functions/api/handler');

    const health = await invoke(handler, event('/health'));
    expect(health.statusCode).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });

    const denied = await invoke(handler, event('/positions', { authorization: 'Bearer wrong-token-wrong-token' }));
    expect(denied.statusCode).toBe(401);

    const positions = await invoke(handler, event('/positions?limit=5', { authorization: `Bearer ${TOKEN}` }));
    expect(positions.statusCode).toBe(200);
    expect(JSON.parse(positions.body)).toEqual({ items: [] });
    // Positions across actors walk the actors first (none here, so no position partition is read).
    expect(dynamo.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      TableName: 'views',
      ExpressionAttributeValues: { ':pk': 'actors' },
    });

    const unknown = await invoke(handler, event('/positions?actor=atlantis', { authorization: `Bearer ${TOKEN}` }));
    expect(unknown.statusCode).toBe(404);

    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('answers 503 without detail when the secret cannot be read', async () => {
    environment();
    secrets
      .on(GetSecretValueCommand)
      .rejects(
        Object.assign(new Error(`User is not authorized to access ${SECRET_ARN}`), { name: 'AccessDeniedException' }),
      );
    const { handler } = await import('../../../functions/api/handler');
    const response = await invoke(handler, event('/positions', { authorization: `Bearer ${TOKEN}` }));
    expect(response.statusCode).toBe(503);
    expect(response.body).not.toContain('arn:aws');
    expect(JSON.parse(response.body)).toMatchObject({ error: 'STORE_UNAVAILABLE' });
  });
});

describe('API Lambda entries: reads and the write route', () => {
  const DOCUMENT = {
    id: 'lambda-doc-1',
    publishedAt: '2025-03-01',
    text: 'The foreign minister said the government will not recognise the annexation.',
  };
  const post = (body: unknown) =>
    event(
      '/documents',
      { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      {
        method: 'POST',
        body: JSON.stringify(body),
      },
    );

  it('the write entry refuses an unknown STANCEWATCH_EXTRACTOR at init (its extractor is built there)', async () => {
    environment({ STANCEWATCH_EXTRACTOR: 'crystal-ball' });
    await expect(import('../../../functions/api/write-handler')).rejects.toThrow(
      /STANCEWATCH_EXTRACTOR=crystal-ball is not an extractor/,
    );
  });

  it('the write entry ingests POST /documents: claims the text, appends one commit, answers 201', async () => {
    environment();
    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: TOKEN });
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(GetCommand).resolves({});
    dynamo.on(PutCommand).resolves({});
    const { handler } = await import('../../../functions/api/write-handler');

    const response = await invoke(handler, post(DOCUMENT));
    expect(response.statusCode, response.body).toBe(201);
    expect(JSON.parse(response.body)).toMatchObject({ documentId: 'lambda-doc-1', duplicate: false });
    const commits = dynamo
      .commandCalls(PutCommand)
      .map((call) => call.args[0].input)
      .filter((input) => input.TableName === 'events' && (input.Item as { eventTypes?: unknown }).eventTypes);
    expect(commits).toHaveLength(1);
  });

  it('the read entry never ingests: a POST /documents routed to it by mistake is a logged 500 and writes nothing', async () => {
    environment();
    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: TOKEN });
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(GetCommand).resolves({});
    dynamo.on(PutCommand).resolves({});
    // Powertools' logger writes errors to stderr (its own Console on the process streams).
    const logged = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { handler } = await import('../../../functions/api/handler');

    const response = await invoke(handler, post(DOCUMENT));
    const lines = logged.mock.calls.map(([line]) => String(line)).join('');
    logged.mockRestore();
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'INTERNAL' });
    expect(response.body).not.toContain('write function');
    expect(lines).toContain('must route it to the write function');
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);
  });
});

describe('tokenFromSecret', () => {
  it('takes the secret string, or the token field of a JSON secret', () => {
    expect(tokenFromSecret(` ${TOKEN}\n`)).toBe(TOKEN);
    expect(tokenFromSecret(JSON.stringify({ token: TOKEN }))).toBe(TOKEN);
    expect(tokenFromSecret(new TextEncoder().encode(TOKEN))).toBe(TOKEN);
  });

  it('refuses an empty, short, malformed or tokenless secret', () => {
    for (const value of [
      '',
      'short',
      'has spaces in it but is long enough',
      '{"password":"x"}',
      '{not json',
      undefined,
    ]) {
      expect(() => tokenFromSecret(value)).toThrow();
    }
  });
});
