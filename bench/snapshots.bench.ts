import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { createDynamoDocumentClient } from '../shared/adapters/dynamodb/document-client';
import { DynamoEventStore } from '../shared/adapters/dynamodb/dynamo-event-store';
import { DynamoSnapshotStore } from '../shared/adapters/dynamodb/dynamo-snapshot-store';
import { ensureTable } from '../shared/adapters/dynamodb/ensure-table';
import { eventTableDefinition } from '../shared/adapters/dynamodb/event-table';
import { startEmbeddedDynamo } from '../shared/adapters/embedded/embedded-dynamo';
import {
  DEFAULT_SNAPSHOT_EVERY,
  decideOnPosition,
  type PositionDecisionDependencies,
} from '../shared/application/decide-position';
import { PositionStateCache } from '../shared/application/position-state-cache';
import { POSITION_SNAPSHOT_SCHEMA, toSnapshotState } from '../shared/domain/positions/position-snapshot';
import { rehydrate } from '../shared/domain/positions/position-state';
import { positionStreamId } from '../shared/domain/stream-ids';
import type { EventStore, NewEvent } from '../shared/ports/event-store';
import { createUlidGenerator } from '../shared/ports/id-generator';
import { printTable, quantile, round } from '../test/support/bench-table';
import { fixedClock } from '../test/support/event-factory';
import { applyCommand, aStatement } from '../test/support/statement-factory';

/**
 * `npm run bench -- snapshots [--statements 30000] [--every 500]`: a position stream of that many
 * statements (one commit each, quotes of varied words) on an in-memory dynalite, then the time of
 * a cold decision on it (no cache: a new container) read whole, and read from a snapshot taken
 * `every / 2` commits before the head (the middle of a snapshot interval), median of 5 each, with
 * the events read and the bytes behind them, and the snapshot's size and write and read times.
 */
const { values } = parseArgs({
  options: {
    statements: { type: 'string', default: '30000' },
    every: { type: 'string', default: String(DEFAULT_SNAPSHOT_EVERY) },
  },
});
const STATEMENTS = Number(values.statements);
const EVERY = Number(values.every);
const REPEAT = 5;
const STREAM = positionStreamId('ukraine', 'territory', 'cede-territory');

const dynamo = await startEmbeddedDynamo();
const client = createDynamoDocumentClient({
  endpoint: dynamo.endpoint,
  region: 'local',
  credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
});
await ensureTable(client, eventTableDefinition('snapshot-events'));
const ids = createUlidGenerator();
const store = new DynamoEventStore({ client, tableName: 'snapshot-events', clock: fixedClock(), ids });
const snapshots = new DynamoSnapshotStore(client, 'snapshot-events');

// Quotes from a seeded word list, so they compress like prose rather than like one repeated line.
const WORDS =
  'ukraine will not withdraw from any more territory said the president minister in kyiv talks ceasefire peace troops front line donbas region agreement never cede land security guarantees negotiations partners europe summit sanctions frozen assets army withdrawal occupied referendum constitution demand refuse accept condition moscow washington brussels geneva istanbul delegation spokesman statement interview reporters on monday tuesday wednesday thursday friday week month'.split(
    ' ',
  );
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const quote = () =>
  Array.from({ length: 14 + Math.floor(random() * 20) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');

const statementFor = (n: number) =>
  aStatement({
    documentId: `doc-${n}`,
    quote: `${quote()}.`,
    statedAt: new Date(Date.UTC(2000, 0, 1) + n * 3_600_000).toISOString(),
    polarity: 'oppose',
  });

/** One PositionTaken, then reaffirmations: what decide appends for a stance held for years. */
function positionEvent(n: number): NewEvent {
  const ref = statementFor(n);
  const { statementId, documentId, sentenceIndex, polarity, attribution, speaker, confidence, statedAt } = ref;
  const statement = {
    statementId,
    documentId,
    sentenceIndex,
    quote: ref.quote,
    polarity,
    attribution,
    speaker,
    confidence,
    statedAt,
    source: ref.source,
    documentTitle: ref.documentTitle,
  };
  const data = { actor: 'ukraine', topic: 'territory', proposition: 'cede-territory', polarity, statement };
  return {
    eventId: ids.next(),
    type: n === 0 ? 'PositionTaken' : 'PositionReaffirmed',
    occurredAt: statedAt,
    correlationId: `bench-${n}`,
    causationId: ids.next(),
    data,
  } as NewEvent;
}

const fill = performance.now();
for (let n = 0, head = { commit: 0, version: 0 }; n < STATEMENTS; n++) {
  const result = await store.appendToStream(STREAM, head.version, [positionEvent(n)], { readHead: head });
  head = { commit: result.commit, version: result.nextExpectedVersion };
}
console.error(`filled ${STATEMENTS} commits in ${round((performance.now() - fill) / 1000)} s`);

/** Counts what readStream returns, so each row says how many events its decision read. */
function counting(inner: EventStore) {
  const read = { events: 0, bytes: 0 };
  const counted: EventStore = {
    appendToStream: (...args) => inner.appendToStream(...args),
    readAll: (options) => inner.readAll(options),
    readStreamPage: (streamId, request) => inner.readStreamPage(streamId, request),
    readStream: async (streamId, options) => {
      const result = await inner.readStream(streamId, options);
      read.events += result.events.length;
      read.bytes += Buffer.byteLength(JSON.stringify(result.events));
      return result;
    },
  };
  return { counted, read };
}

let next = STATEMENTS;
async function coldDecisions(withSnapshots: boolean) {
  const times: number[] = [];
  let read = { events: 0, bytes: 0 };
  for (let run = 0; run < REPEAT; run++) {
    const reads = counting(store);
    // A new container: no cache; a decision that writes no k × every commit (no snapshot write timed).
    const deps: PositionDecisionDependencies = {
      eventStore: reads.counted,
      ids,
      snapshotEvery: 1_000_000_000,
      ...(withSnapshots ? { snapshots } : {}),
    };
    const started = performance.now();
    await decideOnPosition(deps, applyCommand(statementFor(next++)));
    times.push(performance.now() - started);
    read = reads.read;
  }
  return { ms: quantile(times, 0.5), read };
}

try {
  const whole = await coldDecisions(false);
  // The snapshot at the head, then every/2 decisions by a warm projector: a cold read in the
  // middle of a snapshot interval.
  const upTo = await store.readStream(STREAM);
  const folded = rehydrate(upTo.events);
  const writeStarted = performance.now();
  await snapshots.writeSnapshot({
    streamId: STREAM,
    schema: POSITION_SNAPSHOT_SCHEMA,
    at: { commit: upTo.commit, version: upTo.version },
    state: toSnapshotState(folded),
  });
  const writeMs = performance.now() - writeStarted;
  const snapshotJson = JSON.stringify(toSnapshotState(folded));
  const snapshotGz = gzipSync(snapshotJson).length;
  const readStarted = performance.now();
  await snapshots.readSnapshot(STREAM);
  const readMs = performance.now() - readStarted;
  const warm = { eventStore: store, ids, positionCache: new PositionStateCache(), snapshotEvery: 1_000_000_000 };
  for (let n = 0; n < EVERY / 2; n++) await decideOnPosition(warm, applyCommand(statementFor(next++)));
  const fromSnapshot = await coldDecisions(true);

  console.log(
    `snapshots bench: cold decision (no cache) on a ${STATEMENTS}-statement position stream, median of ${REPEAT}, in-memory dynalite`,
  );
  printTable(
    ['cold decision', 'ms', 'events read', 'event bytes read', 'snapshot bytes read (gzip)'],
    [
      ['whole stream', round(whole.ms), whole.read.events, whole.read.bytes, 0],
      [
        `snapshot + tail (every ${EVERY}, ${EVERY / 2} after it)`,
        round(fromSnapshot.ms),
        fromSnapshot.read.events,
        fromSnapshot.read.bytes,
        snapshotGz,
      ],
    ],
  );
  console.log(
    `snapshot: ${Buffer.byteLength(snapshotJson)} bytes of JSON, ${snapshotGz} gzipped (${Math.ceil(snapshotGz / (350 * 1024))} part items); ` +
      `write ${round(writeMs)} ms, read ${round(readMs)} ms; ratio whole / snapshot cold decision ${round(whole.ms / fromSnapshot.ms)}×`,
  );
} finally {
  client.destroy();
  await dynamo.close();
}
