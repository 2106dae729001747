import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { StatementExtracted } from '../../events/document-events';
import { DynamoEventStore } from '../../shared/adapters/dynamodb/dynamo-event-store';
import { DataFolder } from '../../shared/adapters/embedded/data-folder';
import { ingestDocument } from '../../shared/application/ingest-document';
import { contentHashOf } from '../../shared/domain/documents/document-input';
import type { IdGenerator } from '../../shared/ports/id-generator';
import { openStancewatch } from '../../shared/wiring/embedded';
import { alertOnNamedSpeech } from '../support/alert-on-named-speech';
import { readOutbox } from '../support/canonical-state';
import { fixedScoringExtractor } from '../support/fixed-scoring';
import { quietOutbox } from '../support/reliability-pipeline';
import { type CliResult, runCli, temporaryDirectory } from '../support/run-cli';
import { aStatement } from '../support/statement-factory';

/**
 * Issue 7, item 3, and issue 16, item 2. A commit holding an event of a schema version this
 * stancewatch does not know yet (written straight to the table, as a newer writer would) is a
 * poison record for the projector: after the handler's three attempts it is parked with its whole
 * commit (nothing goes to the dead-letter file), while the other commits of the same batch are
 * projected. `stancewatch redrive --dry-run` shows it; `redrive` keeps it while the version is
 * still unknown (exit 1, with the cause), and replays it after the upgrade (a CLI process
 * preloaded with the next version's event definition, fixtures/statement-extracted-next.ts), after
 * which its statement moves the position, the contradiction it makes is decided and alerted, and
 * nothing is parked any more.
 */
/** What the upgrade fixture writes (not imported here: importing it would upgrade this process too). */
const NEXT_STATEMENT_VERSION = StatementExtracted.schemaVersion + 1;
const UPGRADE = fileURLToPath(new URL('./fixtures/statement-extracted-next.ts', import.meta.url));
const TOO_NEW = new RegExp(
  `StatementExtracted schemaVersion ${NEXT_STATEMENT_VERSION} is newer than this stancewatch understands`,
);

const BEFORE = {
  id: 'poison-before',
  title: 'Kyiv rules out a ceasefire',
  source: 'Example Wire',
  publishedAt: '2025-11-01',
  text: 'Ukrainian President Volodymyr Zelensky said on Saturday that Ukraine would not agree to a ceasefire.',
};
const AFTER = {
  id: 'poison-after',
  title: 'Berlin backs sanctions',
  source: 'Example Wire',
  publishedAt: '2025-11-12',
  text: 'German Chancellor Friedrich Merz said Germany would support new sanctions against Russia.',
};

/** A document commit whose StatementExtracted is the next schema version (it carries a new field). */
function futureCommit(ids: IdGenerator) {
  const documentId = 'poison-future';
  const text =
    'Ukrainian President Volodymyr Zelensky said Ukraine was ready for a ceasefire along the current front line.';
  const statement = aStatement({
    documentId,
    sentenceIndex: 0,
    quote: text,
    topic: 'ceasefire',
    proposition: 'ceasefire',
    polarity: 'support',
    statedAt: '2025-11-10',
    source: 'Future Wire',
    documentTitle: 'Kyiv ready for a ceasefire',
  });
  const commitId = ids.next();
  const correlationId = ids.next();
  const ingestedId = ids.next();
  return {
    pk: `document/${documentId}`,
    sk: 1,
    gpk: 'all',
    gsk: commitId,
    commitId,
    recordedAt: new Date().toISOString(),
    fromVersion: 1,
    toVersion: 2,
    eventTypes: new Set(['DocumentIngested', 'StatementExtracted']),
    events: [
      {
        eventId: ingestedId,
        type: 'DocumentIngested',
        schemaVersion: 1,
        version: 1,
        occurredAt: '2025-11-10T00:00:00.000Z',
        correlationId,
        causationId: null,
        data: {
          documentId,
          externalId: documentId,
          title: 'Kyiv ready for a ceasefire',
          source: 'Future Wire',
          publishedAt: '2025-11-10',
          text,
          contentHash: contentHashOf(text),
          format: 'text',
          extractorVersion: 'rules@2.0.0',
          codebookVersion: '2.0.0',
          statementCount: 1,
        },
      },
      {
        eventId: ids.next(),
        type: 'StatementExtracted',
        schemaVersion: NEXT_STATEMENT_VERSION,
        version: 2,
        occurredAt: '2025-11-10T00:00:00.000Z',
        correlationId,
        causationId: ingestedId,
        data: { ...statement, extractorVersion: 'rules@2.0.0', codebookVersion: '2.0.0', hedged: false },
      },
    ],
  };
}

/** The CLI as the next version: the same bin/stancewatch.js with the next definition preloaded. */
const runUpgradedCli = (args: readonly string[]): Promise<CliResult> =>
  runCli(args, { nodeArgs: ['--import', 'tsx', '--import', UPGRADE] });

describe('poison records', () => {
  alertOnNamedSpeech();

  it('are parked while the rest of the batch proceeds, and redriven after the upgrade', async () => {
    const dataDir = join(temporaryDirectory(), 'data');
    const folder = new DataFolder(dataDir);
    const stancewatch = await openStancewatch({
      folder,
      extractor: fixedScoringExtractor(),
      notifier: quietOutbox(dataDir),
    });
    try {
      // Three commits straight to the table (nothing wakes the stream): they reach the projector
      // as one batch, the poison in the middle.
      const direct = new DynamoEventStore({
        client: stancewatch.client,
        tableName: stancewatch.tables.events,
        clock: stancewatch.clock,
        ids: stancewatch.ids,
        globalShards: stancewatch.globalShards,
      });
      const ingest = { ...stancewatch, eventStore: direct };
      await ingestDocument(ingest, BEFORE);
      await stancewatch.client.send(
        new PutCommand({ TableName: stancewatch.tables.events, Item: futureCommit(stancewatch.ids) }),
      );
      await ingestDocument(ingest, AFTER);
      await stancewatch.drain();

      expect(await stancewatch.failures.list()).toEqual([]);
      const parked = await stancewatch.parking.list('projector');
      expect(parked).toHaveLength(1);
      expect(parked[0]).toMatchObject({
        consumer: 'projector',
        streamId: 'document/poison-future',
        keys: ['document/poison-future', 'decide:position/ukraine/ceasefire/ceasefire'],
        held: false,
        attempts: 3,
        item: expect.objectContaining({ pk: 'document/poison-future', eventTypes: expect.any(Set) }),
      });
      // The handler parks it, so it knows why (the dead-letter destination never did).
      expect(parked[0]?.reason).toMatch(TOO_NEW);
      const positions = (await stancewatch.views.listPositions()).items.map(
        (position) => `${position.actor}/${position.proposition} ${position.polarity}`,
      );
      expect(positions.sort()).toEqual(['germany/sanctions:russia support', 'ukraine/ceasefire oppose']);
    } finally {
      await stancewatch.close();
    }

    const listed = await runCli(['redrive', '--dry-run', '--data', dataDir, '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).records).toEqual([
      expect.objectContaining({ consumer: 'projector', streamId: 'document/poison-future', attempts: 3 }),
    ]);

    // Still the old version: the record stays parked, and the operator is told why.
    const tooEarly = await runCli(['redrive', '--data', dataDir]);
    expect(tooEarly.code).toBe(1);
    expect(tooEarly.stdout).toMatch(/0 parked record\(s\) replayed, 1 still parked/);
    expect(tooEarly.stdout).toMatch(TOO_NEW);

    const upgraded = await runUpgradedCli(['redrive', '--data', dataDir, '--json']);
    expect(upgraded.code, upgraded.stderr).toBe(0);
    expect(JSON.parse(upgraded.stdout)).toMatchObject({ redriven: 1, remaining: 0, stillFailing: [] });

    const reopened = await openStancewatch({ folder, extractor: fixedScoringExtractor() });
    try {
      expect(await reopened.parking.list('projector')).toEqual([]);
      expect(await reopened.parking.blockedKeys('projector')).toEqual(new Set());
      const contradictions = (await reopened.views.listContradictions()).items;
      expect(contradictions).toEqual([
        expect.objectContaining({
          actor: 'ukraine',
          proposition: 'ceasefire',
          earlier: expect.objectContaining({ documentId: 'poison-before' }),
          later: expect.objectContaining({ documentId: 'poison-future' }),
        }),
      ]);
    } finally {
      await reopened.close();
    }
    expect(readOutbox(dataDir).map((line) => line.subject)).toEqual(['Ukraine contradicts itself on ceasefire']);
  }, 180_000);
});
