import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultProvider } from '../../../../shared/wiring/aws/lambda-credentials';

/** The Lambda bundles' credential chain (aliased in for `@aws-sdk/credential-provider-node`). */
const NAMES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'AWS_PROFILE',
] as const;

describe('the Lambda credential chain', () => {
  const saved = new Map<string, string | undefined>();
  let server: Server | undefined;

  beforeEach(() => {
    for (const name of NAMES) {
      saved.set(name, process.env[name]);
      delete process.env[name];
    }
  });
  afterEach(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  it('given the role credentials Lambda puts in the environment, when asked, then it returns them', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'ASIAEXAMPLEKEY';
    process.env.AWS_SECRET_ACCESS_KEY = 'example-secret';
    process.env.AWS_SESSION_TOKEN = 'example-session';
    const credentials = await defaultProvider()();
    expect(credentials).toMatchObject({
      accessKeyId: 'ASIAEXAMPLEKEY',
      secretAccessKey: 'example-secret',
      sessionToken: 'example-session',
    });
  });

  it('given no variables but a container credentials endpoint, when asked, then it fetches them from the endpoint', async () => {
    const requests: string[] = [];
    server = createServer((request, response) => {
      requests.push(`${request.url} ${request.headers.authorization ?? ''}`);
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          AccessKeyId: 'ASIAFROMENDPOINT',
          SecretAccessKey: 'endpoint-secret',
          Token: 'endpoint-token',
          Expiration: new Date(Date.now() + 3_600_000).toISOString(),
        }),
      );
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `http://127.0.0.1:${port}/role-credentials`;
    process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN = 'endpoint-auth';
    const credentials = await defaultProvider()();
    expect(credentials).toMatchObject({ accessKeyId: 'ASIAFROMENDPOINT', sessionToken: 'endpoint-token' });
    expect(credentials.expiration).toBeInstanceOf(Date);
    expect(requests).toEqual(['/role-credentials endpoint-auth']);
  });

  it('given neither, when asked, then it fails at once and says what it looked for', async () => {
    await expect(defaultProvider()()).rejects.toThrow(/AWS_ACCESS_KEY_ID.*container credentials endpoint/);
  });

  it('asks the environment once while the credentials have no expiry (memoised)', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'ASIAFIRST';
    process.env.AWS_SECRET_ACCESS_KEY = 'first-secret';
    const provider = defaultProvider();
    await provider();
    process.env.AWS_ACCESS_KEY_ID = 'ASIASECOND';
    expect((await provider()).accessKeyId).toBe('ASIAFIRST');
  });
});
