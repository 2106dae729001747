import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { IdGenerator } from '../../ports/id-generator';
import { CommitLogReader } from '../dynamodb/commit-log-reader';
import type { CheckpointStore, FailureSink, StreamConsumer } from './stream-consumer';
import { streamRecordOf } from './stream-record';

export interface StreamDispatcherOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** The event store's shard count of the global index (see DynamoEventStoreOptions.globalShards). */
  globalShards?: number;
  consumers?: readonly StreamConsumer[];
  checkpoints: CheckpointStore;
  failures: FailureSink;
  /** Must be the generator the event store draws commit ids from (see beginAppend). */
  ids: IdGenerator;
  /** Deliveries of one record before it goes to the failure sink (AWS: retry attempts + 1). */
  maxAttempts?: number;
  retryDelayMs?: number;
  onError?: (error: unknown, consumer: string) => void;
}

/**
 * Emulates DynamoDB Streams + Lambda event source mappings for the embedded runtime: after each
 * append it tails the commit log and hands new commits to every consumer as a
 * DynamoDBStreamEvent, in commit order, honouring partial batch failures, retrying, and sending
 * records that keep failing to the failure sink. Each consumer's checkpoint is durable, so a crash
 * between an append and its delivery is caught up on the next start (at-least-once, like AWS).
 *
 * Commit ids are ULIDs from one monotonic generator. An append registers a marker id before it
 * writes; its commit id will be greater than the marker. The tail never passes the smallest marker
 * still in flight, so a slow append can never land behind a checkpoint.
 */
export class StreamDispatcher {
  readonly #inFlight = new Set<string>();
  readonly #runners: ConsumerRunner[] = [];
  readonly #ids: IdGenerator;
  readonly #log: CommitLogReader;
  readonly #options: StreamDispatcherOptions;
  #closed = false;

  constructor(options: StreamDispatcherOptions) {
    this.#ids = options.ids;
    this.#options = options;
    this.#log = new CommitLogReader(options.client, options.tableName, options.globalShards);
    for (const consumer of options.consumers ?? []) this.register(consumer);
  }

  /** Attaches a consumer, like an event source mapping: it starts from its checkpoint (or the beginning). */
  register(consumer: StreamConsumer): void {
    this.#runners.push(new ConsumerRunner(consumer, this.#log, this.#options, () => this.#upperBound()));
  }

  /** The registered consumer of that name (for redelivering failed records). */
  consumer(name: string): StreamConsumer | undefined {
    return this.#runners.find((runner) => runner.name === name)?.consumerDefinition;
  }

  /** Call before an append; pass the marker to endAppend when it settles (success or not). */
  beginAppend(): string {
    const marker = this.#ids.next();
    this.#inFlight.add(marker);
    return marker;
  }

  endAppend(marker: string): void {
    this.#inFlight.delete(marker);
    this.wake();
  }

  /** Delivers whatever is new; returns at once (delivery runs in the background). */
  wake(): void {
    if (this.#closed) return;
    for (const runner of this.#runners) runner.trigger();
  }

  /** Resolves when no append is in flight and every consumer has seen every commit. */
  async drain(): Promise<void> {
    for (;;) {
      this.wake();
      await Promise.all(this.#runners.map((runner) => runner.idle()));
      if (this.#inFlight.size === 0 && this.#runners.every((runner) => !runner.busy)) {
        // One more look: a consumer's own appends may have landed while the others finished.
        const pending = await Promise.all(this.#runners.map((runner) => runner.hasPending()));
        if (!pending.some(Boolean)) return;
      } else {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  }

  /** Stops taking new work and waits for deliveries in progress. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#runners.map((runner) => runner.idle()));
  }

  /**
   * The tail's exclusive upper bound: the oldest marker in flight, or else a fresh id. Never "no
   * bound": a read runs some time after it is issued, and an append that begins in between draws
   * a larger marker and commit id than this bound, so its commit cannot be delivered (and
   * checkpointed) ahead of an older append that is still writing.
   */
  #upperBound(): string {
    let lowest: string | undefined;
    for (const marker of this.#inFlight) if (lowest === undefined || marker < lowest) lowest = marker;
    return lowest ?? this.#ids.next();
  }
}

/** One consumer's shard iterator: serial delivery from its checkpoint onwards. */
class ConsumerRunner {
  #checkpoint: string | undefined;
  #loaded = false;
  #running: Promise<void> | undefined;
  #again = false;

  constructor(
    private readonly consumer: StreamConsumer,
    private readonly log: CommitLogReader,
    private readonly options: StreamDispatcherOptions,
    private readonly upperBound: () => string,
  ) {}

  get name(): string {
    return this.consumer.name;
  }

  get consumerDefinition(): StreamConsumer {
    return this.consumer;
  }

  get busy(): boolean {
    return this.#running !== undefined;
  }

  trigger(): void {
    this.#again = true;
    if (this.#running) return;
    this.#running = this.#loop().finally(() => {
      this.#running = undefined;
    });
  }

  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async hasPending(): Promise<boolean> {
    await this.#loadCheckpoint();
    return (await this.log.read(this.#checkpoint, this.upperBound(), 1)).length > 0;
  }

  async #loop(): Promise<void> {
    while (this.#again) {
      this.#again = false;
      try {
        await this.#catchUp();
      } catch (error) {
        // The store itself failed (not the consumer): try again on the next wake-up.
        this.options.onError?.(error, this.consumer.name);
        return;
      }
    }
  }

  async #loadCheckpoint(): Promise<void> {
    if (this.#loaded) return;
    this.#checkpoint = await this.options.checkpoints.load(this.consumer.name);
    this.#loaded = true;
  }

  async #catchUp(): Promise<void> {
    await this.#loadCheckpoint();
    const batchSize = this.consumer.batchSize ?? 100;
    for (;;) {
      const items = await this.log.read(this.#checkpoint, this.upperBound(), batchSize);
      const last = items.at(-1);
      if (!last) return;
      const selected = this.consumer.filter ? items.filter(this.consumer.filter) : items;
      if (selected.length > 0) await this.#deliver(selected);
      this.#checkpoint = String(last.commitId);
      await this.options.checkpoints.save(this.consumer.name, this.#checkpoint);
    }
  }

  /**
   * Lambda's contract for stream sources with ReportBatchItemFailures: everything before the
   * first reported failure is done; the batch is retried from that record. After maxAttempts the
   * record goes to the failure destination and delivery goes on with the next one.
   */
  async #deliver(items: Record<string, unknown>[]): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 3;
    let pending = items;
    let attempts = 0;
    while (pending.length > 0) {
      attempts++;
      const records = pending.map((item) => streamRecordOf(item, this.options.tableName));
      let failedFrom: number | undefined;
      let reason = '';
      try {
        const response = await this.consumer.handler({ Records: records });
        const failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
        const index = records.findIndex((record) => failed.has(sequenceNumber(record)));
        if (index >= 0) {
          failedFrom = index;
          reason = `${this.consumer.name} reported the record as failed`;
        } else if (failed.size > 0) {
          failedFrom = 0;
          reason = `${this.consumer.name} reported an unknown record as failed`;
        }
      } catch (error) {
        failedFrom = 0;
        reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
      if (failedFrom === undefined) return;
      pending = pending.slice(failedFrom);
      if (attempts < maxAttempts) {
        await new Promise((resolve) => setTimeout(resolve, (this.options.retryDelayMs ?? 50) * 2 ** (attempts - 1)));
        continue;
      }
      const [poison, ...rest] = pending as [Record<string, unknown>, ...Record<string, unknown>[]];
      await this.options.failures.record({
        consumer: this.consumer.name,
        commitId: String(poison.commitId),
        streamId: String(poison.pk),
        eventTypes: [...((poison.eventTypes as Set<string> | undefined) ?? [])],
        attempts,
        failedAt: new Date().toISOString(),
        reason,
        item: poison,
      });
      pending = rest;
      attempts = 0;
    }
  }
}

const sequenceNumber = (record: DynamoDBRecord): string => record.dynamodb?.SequenceNumber ?? '';
