import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSnsClient } from '../../shared/adapters/sns/sns-client';
import { SnsNotifier } from '../../shared/adapters/sns/sns-notifier';
import { readAllPages } from '../../shared/application/read-all-pages';
import { reviewContradiction } from '../../shared/application/review-contradiction';
import { openStancewatch } from '../../shared/wiring/embedded';
import { canonicalLog, scanAll } from '../support/canonical-state';
import { startFakeSns } from '../support/fake-sns';
import { FaultInjector } from '../support/fault-injection';
import { fixedScoringExtractor } from '../support/fixed-scoring';
import { reliabilityWorkload, withClientRetries } from '../support/reliability-pipeline';

/**
 * The delivery tests (sns-faults, fault-injection, crash-recovery, redrive) run under the policy
 * that alerts on named reported speech, so their workload alerts at once. This one keeps the
 * default policy, where the same workload's contradictions wait for review, and checks the other
 * road to an email under faults: an analyst's verdicts, given while 20 % of DynamoDB calls and half
 * of the SNS calls fail (before SNS has the message). Every confirmed contradiction reaches the topic exactly once (a double
 * click included), no dismissed one ever does, and the queue ends empty.
 */
const TOPIC = 'arn:aws:sns:us-east-1:000000000000:stancewatch-alerts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('verdicts under faults, with the default alert policy', () => {
  it('sends each confirmed contradiction exactly once and no dismissed one, with 20 % of DynamoDB and half of the SNS calls failing', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
    vi.stubEnv('AWS_REGION', 'us-east-1');
    const sns = await startFakeSns();
    const snsFaults = new FaultInjector({
      seed: 21,
      rate: 0.5,
      kinds: ['throttling', 'server-error', 'connection-reset'],
    });
    const dynamoFaults = new FaultInjector({ seed: 22, rate: 0.2 });
    const client = snsFaults.attach(createSnsClient({ endpoint: sns.endpoint }));
    const stancewatch = await openStancewatch({
      extractor: fixedScoringExtractor(),
      notifier: new SnsNotifier({ client, topicArn: TOPIC }),
      configureClient: (dynamo) => void dynamoFaults.attach(dynamo),
    });
    const publishedIds = () =>
      sns.received.map((message) => String(/Contradiction id: (ctr-[0-9a-f]+)/.exec(message.message)?.[1])).sort();
    try {
      for (const document of reliabilityWorkload({ generated: 12, seed: 11 })) {
        await withClientRetries(() => stancewatch.ingest(document));
      }
      await withClientRetries(() => stancewatch.drain());

      // Given: what the default policy sent at once, and what it left for a desk.
      const { items: queue } = await withClientRetries(() =>
        readAllPages((page) => stancewatch.views.listReviewQueue(page)),
      );
      const sentAtOnce = publishedIds();
      expect(queue.length).toBeGreaterThanOrEqual(3);
      expect(queue.every((item) => item.strength === 'possible')).toBe(true);
      expect(sentAtOnce.filter((id) => queue.some((item) => item.id === id))).toEqual([]);

      // When: the desk confirms every other one (the first twice, a double click) and dismisses the rest.
      const review = {
        eventStore: stancewatch.eventStore,
        views: stancewatch.views,
        ids: stancewatch.ids,
        clock: stancewatch.clock,
      };
      const confirmed = queue.filter((_, index) => index % 2 === 0).map((item) => item.id);
      const dismissed = queue.filter((_, index) => index % 2 === 1).map((item) => item.id);
      for (const contradictionId of [...confirmed, confirmed[0]!]) {
        await withClientRetries(() =>
          reviewContradiction(review, { contradictionId, verdict: 'confirm', by: 'alice' }),
        );
      }
      for (const contradictionId of dismissed) {
        await withClientRetries(() =>
          reviewContradiction(review, { contradictionId, verdict: 'dismiss', reason: 'misread-statement', by: 'bob' }),
        );
      }
      await withClientRetries(() => stancewatch.drain());
      dynamoFaults.enabled = false;

      // Then: the topic holds what went out at once and each confirmed one, once; AlertPublished matches it.
      const expected = [...sentAtOnce, ...confirmed].sort();
      expect(snsFaults.stats().faults).toBeGreaterThan(0);
      expect(dynamoFaults.stats().faults).toBeGreaterThan(0);
      expect(await stancewatch.failures.list()).toEqual([]);
      expect(publishedIds()).toEqual(expected);
      console.info(
        `review under faults: ${sentAtOnce.length} sent at once, ${confirmed.length} confirmed, ${dismissed.length} dismissed; ${snsFaults.stats().faults} SNS and ${dynamoFaults.stats().faults} DynamoDB faults`,
      );
      const { log } = canonicalLog(await scanAll(stancewatch.client, stancewatch.tables.events));
      const alertsRecorded = log
        .flatMap((stream) => stream.commits.flatMap((commit) => commit.events))
        .filter((event) => event.type === 'AlertPublished')
        .map((event) => (event.data as { contradictionId: string }).contradictionId)
        .sort();
      expect(alertsRecorded).toEqual(expected);
      expect((await stancewatch.views.listReviewQueue()).items).toEqual([]);
      for (const contradictionId of dismissed) {
        expect(await stancewatch.views.getContradiction(contradictionId)).toMatchObject({
          verdict: { kind: 'dismissed', reason: 'misread-statement' },
        });
      }
    } finally {
      await stancewatch.close();
      client.destroy();
      await sns.close();
    }
  }, 120_000);
});
