import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlerterHandler } from '../../../functions/alerter/alerter';
import { createSnsClient } from '../../../shared/adapters/sns/sns-client';
import { SnsNotifier } from '../../../shared/adapters/sns/sns-notifier';
import { alertStreamId } from '../../../shared/domain/stream-ids';
import { createUlidGenerator } from '../../../shared/ports/id-generator';
import { aContradictionDetected } from '../../support/contradiction-factory';
import { fixedClock } from '../../support/event-factory';
import { MemoryEventStore } from '../../support/memory-event-store';
import { commitItemOf, streamRecordOfItem } from '../../support/stream-events';

const sns = mockClient(SNSClient);
const TOPIC_ARN = 'arn:aws:sns:eu-west-1:123456789012:stancewatch-alerts';

let eventStore: MemoryEventStore;

beforeEach(() => {
  eventStore = new MemoryEventStore();
});
afterEach(() => {
  sns.reset();
});

function alerter() {
  return createAlerterHandler({
    eventStore,
    notifier: new SnsNotifier({ client: new SNSClient({ region: 'eu-west-1' }), topicArn: TOPIC_ARN }),
    ids: createUlidGenerator(),
    clock: fixedClock('2026-11-26T12:00:05.000Z'),
    apiUrl: 'https://api.example.org',
  });
}

/** A stream batch with one commit holding the given events (as the position stream would). */
function batchOf(...events: ReturnType<typeof aContradictionDetected>[]) {
  const record = streamRecordOfItem(
    commitItemOf({ commitId: '01KB0000000000000000000000', streamId: events[0]?.streamId ?? 'x', commit: 2, events }),
  );
  return { event: { Records: [record] }, sequenceNumber: record.dynamodb?.SequenceNumber };
}

describe('alerter with SNS', () => {
  it('publishes one message with a readable subject, both quotes in the body, and filterable attributes', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'sns-message-1' });
    const contradiction = aContradictionDetected();

    expect(await alerter()(batchOf(contradiction).event)).toEqual({ batchItemFailures: [] });

    const calls = sns.commandCalls(PublishCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]?.args[0].input;
    expect(input?.TopicArn).toBe(TOPIC_ARN);
    expect(input?.Subject).toBe('Ukraine contradicts itself on territory');
    expect(input?.Message).toContain('Ukraine would not withdraw from any more territory');
    expect(input?.Message).toContain('could give up part of Donetsk');
    expect(input?.Message).toContain(contradiction.data.contradictionId);
    expect(input?.Message).toContain('https://api.example.org/positions/ukraine/territory/timeline');
    expect(input?.MessageAttributes).toEqual({
      actor: { DataType: 'String', StringValue: 'ukraine' },
      topic: { DataType: 'String', StringValue: 'territory' },
      proposition: { DataType: 'String', StringValue: 'cede-territory' },
      severity: { DataType: 'String', StringValue: 'high' },
    });

    const alert = await eventStore.readStream(alertStreamId(contradiction.data.contradictionId));
    expect(alert.events).toMatchObject([
      {
        type: 'AlertPublished',
        version: 1,
        causationId: contradiction.eventId,
        data: { contradictionId: contradiction.data.contradictionId, channel: 'sns', messageId: 'sns-message-1' },
      },
    ]);
  });

  it('never publishes twice when the record is delivered again', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'sns-message-1' });
    const { event } = batchOf(aContradictionDetected());
    await alerter()(event);
    expect(await alerter()(event)).toEqual({ batchItemFailures: [] });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
  });

  it('reports the record as failed when SNS throws, records nothing, and publishes when it is retried', async () => {
    const contradiction = aContradictionDetected();
    const { event, sequenceNumber } = batchOf(contradiction);
    sns
      .on(PublishCommand)
      .rejectsOnce(Object.assign(new Error('Service unavailable'), { name: 'InternalErrorException' }));

    expect(await alerter()(event)).toEqual({ batchItemFailures: [{ itemIdentifier: sequenceNumber }] });
    expect((await eventStore.readStream(alertStreamId(contradiction.data.contradictionId))).version).toBe(0);

    sns.on(PublishCommand).resolves({ MessageId: 'sns-message-2' });
    expect(await alerter()(event)).toEqual({ batchItemFailures: [] });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(2);
    expect((await eventStore.readStream(alertStreamId(contradiction.data.contradictionId))).events).toMatchObject([
      { data: { messageId: 'sns-message-2' } },
    ]);
  });

  it('alerts once per contradiction in a commit, and retries only the one that failed', async () => {
    const first = aContradictionDetected({ contradictionId: 'ctr-first' });
    const second = aContradictionDetected({ contradictionId: 'ctr-second' });
    sns
      .on(PublishCommand)
      .resolvesOnce({ MessageId: 'm-1' })
      .rejectsOnce(new Error('throttled'))
      .resolves({ MessageId: 'm-3' });
    const { event } = batchOf(first, second);

    expect((await alerter()(event)).batchItemFailures).toHaveLength(1);
    expect(await alerter()(event)).toEqual({ batchItemFailures: [] });
    const sent = sns.commandCalls(PublishCommand).map((call) => call.args[0].input.Message?.match(/ctr-\w+/)?.[0]);
    expect(sent).toEqual(['ctr-first', 'ctr-second', 'ctr-second']);
  });

  it('ignores commits without a contradiction (the AWS filter would not even send them)', async () => {
    const record = streamRecordOfItem({ pk: 'claim/content/x', sk: 0, owner: 'doc' });
    expect(await alerter()({ Records: [record] })).toEqual({ batchItemFailures: [] });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
  });

  it('builds its SNS client with SDK retries (4 attempts)', async () => {
    const client = createSnsClient({ region: 'eu-west-1' });
    expect(await client.config.maxAttempts()).toBe(4);
    client.destroy();
  });
});
