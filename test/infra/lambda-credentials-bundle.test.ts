import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_SETTINGS, esbuildOptions, PROJECT_ROOT } from '../../infra/bundling';

/**
 * The Lambda bundles alias `@aws-sdk/credential-provider-node` to the Lambda credential chain
 * (shared/wiring/aws/lambda-credentials.ts). Bundled with the stack's settings, an SDK client must
 * still find the role's credentials where Lambda puts them, and the chain's unused providers must
 * be gone from the bundle.
 */
const ENTRY = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
const client = new DynamoDBClient({ region: 'us-east-1' });
const credentials = await client.config.credentials();
process.stdout.write(JSON.stringify({ accessKeyId: credentials.accessKeyId, sessionToken: credentials.sessionToken }));
`;

const out = mkdtempSync(join(tmpdir(), 'stancewatch-credentials-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function bundle(name: string, alias: Record<string, string>): Promise<{ file: string; metafile: Metafile }> {
  const file = join(out, `${name}.mjs`);
  const result = await build({
    ...esbuildOptions(),
    stdin: { contents: ENTRY, resolveDir: PROJECT_ROOT, loader: 'ts' },
    outfile: file,
    alias,
    metafile: true,
    logLevel: 'silent',
  });
  return { file, metafile: result.metafile as Metafile };
}

/** Packages of the SDK's full chain that a Lambda sandbox never uses. */
const unusedProvidersIn = (metafile: Metafile): string[] => [
  ...new Set(
    Object.values(metafile.outputs)
      .flatMap((output) => Object.entries(output.inputs))
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([input]) =>
        /node_modules\/(@aws-sdk\/(?:credential-provider-(?:ini|sso|process|web-identity|login)|nested-clients))\//.exec(
          input,
        ),
      )
      .flatMap((match) => (match?.[1] ? [match[1]] : [])),
  ),
];

describe('the Lambda bundles’ credential chain', () => {
  it('an SDK client bundled with the stack’s settings takes the role’s credentials from the environment', async () => {
    const { file, metafile } = await bundle('aliased', { ...BUNDLE_SETTINGS.alias });
    expect(unusedProvidersIn(metafile)).toEqual([]);
    const run = spawnSync(process.execPath, [file], {
      env: {
        PATH: process.env.PATH ?? '',
        AWS_ACCESS_KEY_ID: 'ASIABUNDLED',
        AWS_SECRET_ACCESS_KEY: 'bundled-secret',
        AWS_SESSION_TOKEN: 'bundled-session',
        // The SDK warns on Node 20 (this machine); Lambda runs Node 22.
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ accessKeyId: 'ASIABUNDLED', sessionToken: 'bundled-session' });
  }, 60_000);

  it('without the alias the SDK’s full chain is bundled (so the check above would see it)', async () => {
    const { metafile } = await bundle('default', {});
    expect(unusedProvidersIn(metafile)).toEqual(
      expect.arrayContaining(['@aws-sdk/credential-provider-ini', '@aws-sdk/nested-clients']),
    );
  }, 60_000);
});
