import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSnsClient } from '../../shared/adapters/sns/sns-client';
import { SnsNotifier } from '../../shared/adapters/sns/sns-notifier';
import { openStancewatch } from '../../shared/wiring/embedded';
import { alertOnNamedSpeech } from '../support/alert-on-named-speech';
import { canonicalLog, scanAll } from '../support/canonical-state';
import { startFakeSns } from '../support/fake-sns';
import { FaultInjector, type FaultKind } from '../support/fault-injection';
import { fixedScoringExtractor } from '../support/fixed-scoring';
import { reliabilityWorkload, withClientRetries } from '../support/reliability-pipeline';

/**
 * Issue 7, item 1, the SNS half: the alerter handler with the AWS notifier (SnsNotifier over the
 * real SNS client factory) publishing to a fake SNS endpoint on loopback, the event store on
 * dynalite, faults injected into both clients' middleware stacks.
 *
 * - Faults where SNS never got the message (throttling, 500, connection reset): every
 *   contradiction reaches the topic exactly once.
 * - Timeouts after SNS accepted the message: the SDK's own retry publishes again, and SNS
 *   standard topics have no idempotency key, so the topic gets a duplicate. That is the documented
 *   at-least-once window (docs/reliability.md): nothing is lost, AlertPublished is still recorded
 *   once, and every extra copy is explained by a lost answer to a Publish.
 */
const TOPIC = 'arn:aws:sns:us-east-1:000000000000:stancewatch-alerts';

afterEach(() => {
  vi.unstubAllEnvs();
});

async function runWithSnsFaults(snsKinds: readonly FaultKind[], snsRate: number, dynamoRate: number) {
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  vi.stubEnv('AWS_REGION', 'us-east-1');
  const sns = await startFakeSns();
  const snsFaults = new FaultInjector({ seed: 5, rate: snsRate, kinds: snsKinds });
  const dynamoFaults = new FaultInjector({ seed: 6, rate: dynamoRate });
  const client = snsFaults.attach(createSnsClient({ endpoint: sns.endpoint }));
  const stancewatch = await openStancewatch({
    extractor: fixedScoringExtractor(),
    notifier: new SnsNotifier({ client, topicArn: TOPIC }),
    configureClient: (dynamo) => void dynamoFaults.attach(dynamo),
  });
  try {
    for (const document of reliabilityWorkload({ generated: 8, seed: 11 })) {
      await withClientRetries(() => stancewatch.ingest(document));
    }
    await withClientRetries(() => stancewatch.drain());
    dynamoFaults.enabled = false;
    const { log } = canonicalLog(await scanAll(stancewatch.client, stancewatch.tables.events));
    const events = log.flatMap((stream) => stream.commits.flatMap((commit) => commit.events));
    const idsOf = (type: string) =>
      events
        .filter((event) => event.type === type)
        .map((event) => (event.data as { contradictionId: string }).contradictionId)
        .sort();
    const published = sns.received.map((message) => /Contradiction id: (ctr-[0-9a-f]+)/.exec(message.message)?.[1]);
    return {
      contradictions: idsOf('ContradictionDetected'),
      alertsRecorded: idsOf('AlertPublished'),
      published: published.map(String).sort(),
      received: sns.received,
      failures: await stancewatch.failures.list(),
      snsFaults,
    };
  } finally {
    await stancewatch.close();
    client.destroy();
    await sns.close();
  }
}

describe('alerts through SNS with faults on SNS and DynamoDB', () => {
  alertOnNamedSpeech();

  it('publishes each contradiction exactly once when SNS calls fail before SNS has the message (and 20 % of DynamoDB calls fail)', async () => {
    const run = await runWithSnsFaults(['throttling', 'server-error', 'connection-reset'], 0.2, 0.2);

    expect(run.contradictions.length).toBeGreaterThanOrEqual(3);
    expect(run.snsFaults.stats().faults).toBeGreaterThan(0);
    expect(run.failures).toEqual([]);
    expect(run.published).toEqual(run.contradictions);
    expect(run.alertsRecorded).toEqual(run.contradictions);
    // The message a subscriber filters on.
    for (const message of run.received) {
      expect(message.topicArn).toBe(TOPIC);
      expect(Object.keys(message.attributes).sort()).toEqual(['actor', 'proposition', 'severity', 'topic']);
    }
  }, 120_000);

  it('loses nothing and records each alert once when answers to Publish are lost; each duplicate is one lost answer', async () => {
    const run = await runWithSnsFaults(['timeout'], 0.3, 0);

    const lostAnswers = run.snsFaults.log.filter((fault) => fault.commandName === 'PublishCommand').length;
    expect(lostAnswers).toBeGreaterThan(0);
    expect(run.failures).toEqual([]);
    expect(run.alertsRecorded).toEqual(run.contradictions);
    expect([...new Set(run.published)]).toEqual(run.contradictions);
    // Every Publish SNS received was either the first copy or the retry after a lost answer.
    expect(run.published.length).toBe(run.contradictions.length + lostAnswers);
    console.info(
      `SNS lost answers: ${lostAnswers}; ${run.contradictions.length} contradictions, ${run.published.length} messages on the topic`,
    );
  }, 120_000);
});
