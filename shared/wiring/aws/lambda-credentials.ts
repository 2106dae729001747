import { fromEnv } from '@aws-sdk/credential-provider-env';
import { fromHttp } from '@aws-sdk/credential-provider-http';
import { CredentialsProviderError, chain, memoize } from '@smithy/core/config';
import { ENV_CMDS_FULL_URI, ENV_CMDS_RELATIVE_URI, fromContainerMetadata } from '@smithy/credential-provider-imds';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/**
 * The credential chain of the Lambda bundles, in place of `@aws-sdk/credential-provider-node`
 * (infra/bundling.ts aliases that package to this file; the embedded runtime and the tests keep
 * the SDK's own chain). A Lambda function gets its role's credentials in environment variables;
 * a container-style runtime gets them from a credentials endpoint. The SDK's default chain also
 * tries SSO, ~/.aws profiles (with an STS client), `credential_process`, web identity token files
 * and EC2 instance metadata, none of which a Lambda sandbox has: ~135 KB of every bundle, ~16% of a projector's
 * cold start (docs/performance.md). Same export names as the package it stands for.
 */

/** Credentials with an expiry are refreshed five minutes early, as the SDK's chain does. */
export const credentialsWillNeedRefresh = (credentials: AwsCredentialIdentity): boolean =>
  credentials.expiration !== undefined;

export const credentialsTreatedAsExpired = (credentials: AwsCredentialIdentity): boolean =>
  credentials.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000;

type ProviderInit = Parameters<typeof fromEnv>[0] &
  Parameters<typeof fromHttp>[0] &
  Parameters<typeof fromContainerMetadata>[0] & { logger?: { debug?: (message: string) => void } };

/**
 * A container credentials endpoint, when the environment names one (a runtime that serves the
 * role's credentials over HTTP instead of in variables). No EC2 instance metadata: Lambda has none.
 */
function containerEndpointProvider(init: ProviderInit): AwsCredentialIdentityProvider {
  return async () => {
    if (!process.env[ENV_CMDS_RELATIVE_URI] && !process.env[ENV_CMDS_FULL_URI]) {
      throw new CredentialsProviderError('no container credentials endpoint is set', {
        tryNextLink: true,
        logger: init.logger,
      });
    }
    return chain(fromHttp(init), fromContainerMetadata(init))();
  };
}

export const defaultProvider = (init: ProviderInit = {}): AwsCredentialIdentityProvider =>
  memoize(
    chain(fromEnv(init), containerEndpointProvider(init), async () => {
      throw new CredentialsProviderError(
        'No AWS credentials: neither AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (set by Lambda from the execution role) nor a container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI or _RELATIVE_URI) is set',
        { tryNextLink: false, logger: init.logger },
      );
    }),
    credentialsTreatedAsExpired,
    credentialsWillNeedRefresh,
  );
