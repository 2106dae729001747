import { App, Tags, Validations } from 'aws-cdk-lib';
import type { Code } from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { FunctionName } from './bundling';
import { readConfig } from './config';
import { StancewatchStack } from './stancewatch-stack';

export const DEFAULT_STACK_NAME = 'Stancewatch';

/**
 * CDK feature flags the stack relies on, set here rather than only in cdk.json so that the tests
 * synthesise exactly what `cdk synth` does.
 */
export const FEATURE_FLAGS = {
  // One statement per resource in each role's policy, however many intent grants touch it.
  '@aws-cdk/aws-iam:minimizePolicies': true,
};

export interface BuiltApp {
  app: App;
  stack: StancewatchStack;
  nag: AwsSolutionsChecks;
}

/**
 * The CDK app: the stack, its tags and the cdk-nag AwsSolutions checks. infra/app.ts runs it for
 * the CLI; the tests build the same app with their context and (to skip esbuild) inline code.
 */
export function buildApp(
  options: { context?: Record<string, unknown>; codeFor?: (name: FunctionName) => Code; outdir?: string } = {},
) {
  const app = new App({
    context: { ...FEATURE_FLAGS, ...options.context },
    // infra/app.ts calls synth() itself; an app whose context was refused must not write an
    // empty assembly on its way out (the automatic synth runs at process exit under the CLI).
    autoSynth: false,
    ...(options.outdir ? { outdir: options.outdir } : {}),
  });
  const config = readConfig((key) => app.node.tryGetContext(key));
  const stackName = String(app.node.tryGetContext('stackName') ?? DEFAULT_STACK_NAME);
  const stack = new StancewatchStack(app, stackName, {
    description: 'stancewatch: statements in, positions and contradiction alerts out (docs/deploy.md)',
    config,
    ...(options.codeFor ? { codeFor: options.codeFor } : {}),
    // Environment-agnostic unless the CLI knows the account and region (then lookups could work).
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  Tags.of(app).add('project', 'stancewatch');
  Tags.of(app).add('stancewatch:stack', stackName);
  if (config.throwaway) Tags.of(app).add('stancewatch:throwaway', 'true');
  const nag = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(nag);
  return { app, stack, nag } satisfies BuiltApp;
}
