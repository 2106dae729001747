import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Validations } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app';
import { synth } from './synth';

const CONFIGURATIONS: Array<[string, Record<string, unknown>]> = [
  ['defaults', {}],
  [
    'every option',
    {
      alertEmail: 'analyst@example.org',
      alertActors: 'ukraine,russia',
      alertTopics: 'territory',
      opsEmail: 'ops@example.org',
      extractor: 'rules+bedrock',
      bedrockModel: 'anthropic.claude-3-haiku-20240307-v1:0',
      publicRead: 'true',
    },
  ],
  [
    'a cross-region inference profile',
    { extractor: 'bedrock', bedrockModel: 'us.anthropic.claude-3-5-haiku-20241022-v1:0' },
  ],
  ['throw-away, no reserved concurrency', { throwaway: 'true', reservedConcurrency: 'false' }],
];

// Synthesised while the file is collected (no per-test timeout): the first synthesis loads most of
// aws-cdk-lib, which on a busy 2-core CI machine can take longer than a test's 30 s.
for (const [, context] of CONFIGURATIONS) synth(context);

/** Every acknowledgment in the tree: [construct path, rule id, reason]. */
function acknowledgments(root: IConstruct): Array<[string, string, string]> {
  return root.node
    .findAll()
    .flatMap((construct) =>
      construct.node.metadata
        .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((entry) =>
          Object.entries(entry.data as Record<string, string>).map(
            ([id, reason]) =>
              [construct.node.path, id.replace(/^annotation::/i, ''), reason] as [string, string, string],
          ),
        ),
    );
}

describe('cdk-nag AwsSolutions', () => {
  it.each(CONFIGURATIONS)('%s: no unacknowledged finding, error or warning', (_name, context) => {
    const { app, nag } = synth(context);
    const report = nag.validateScope(app);
    expect(
      report.violations.map((violation) => ({
        rule: violation.ruleName,
        severity: violation.severity,
        at: violation.violatingResources.map((resource) => resource.constructPath),
      })),
    ).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('acknowledges only these findings, each with a reason in the code', () => {
    const { stack } = synth(CONFIGURATIONS[2]![1]);
    const found = acknowledgments(stack);
    for (const [path, id, reason] of found) {
      expect(reason.length, `${id} at ${path}`).toBeGreaterThan(60);
    }
    expect([...new Set(found.map(([, id]) => id))].sort()).toEqual(
      [
        // The stream event source's dynamodb:ListStreams and X-Ray's writes have no resource-level permissions.
        'AwsSolutions-IAM5[Resource::*]',
        // The scheduler may invoke the digest function and its qualified versions ("<arn>:*").
        `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(stack.functions.digest.function.node.defaultChild as CfnElement)}.Arn>:*]`,
        // A cross-region inference profile: one model, any region of the geography.
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:bedrock:*::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0]',
        // Node.js 22 on purpose (tested, measured).
        'AwsSolutions-L1',
        // The bearer token is checked by the Hono app on every route but /health.
        'AwsSolutions-APIG4',
        // The stream failure queues are the end of the line.
        'AwsSolutions-SQS3',
        // A static bearer token handed to people: rotated by hand.
        'AwsSolutions-SMG4',
      ].sort(),
    );
  });

  it('a real synthesis runs the checks as a validation plugin and succeeds (it throws on any error)', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'stancewatch-synth-'));
    try {
      const { app } = buildApp({
        context: CONFIGURATIONS[1]![1],
        codeFor: () => Code.fromInline('export const handler = async () => undefined;'),
        outdir,
      });
      const assembly = app.synth();
      expect(assembly.stacks.map((stack) => stack.stackName)).toEqual(['Stancewatch']);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
