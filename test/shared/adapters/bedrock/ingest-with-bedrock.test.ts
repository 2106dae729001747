import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createBedrockExtractor } from '../../../../shared/adapters/bedrock/bedrock-extractor';
import { ingestDocument } from '../../../../shared/application/ingest-document';
import { createUlidGenerator } from '../../../../shared/ports/id-generator';
import { fixedClock } from '../../../support/event-factory';
import { MemoryEventStore } from '../../../support/memory-event-store';
import { MemoryUniqueKeys } from '../../../support/memory-pipeline';
import { ARTICLE, aModelStatement, MODEL_ID, PUBLISHED_AT, statementsAnswer } from './converse-fixtures';

const bedrock = mockClient(BedrockRuntimeClient);

afterEach(() => {
  bedrock.reset();
});

describe('ingest with the Bedrock extractor', () => {
  it('stores what the model found, with its extractorVersion, and ingest drops nothing the checks let through', async () => {
    bedrock
      .on(ConverseCommand)
      .resolves(
        statementsAnswer([
          aModelStatement(0, { quote: `  ${ARTICLE.split('\n')[0]}  ` }),
          aModelStatement(2, { topic: 'ceasefire', proposition: 'ceasefire' }),
          aModelStatement(3, { quote: 'Kyiv said the weather turned cold.' }),
        ]),
      );
    const ids = createUlidGenerator();
    const eventStore = new MemoryEventStore({ clock: fixedClock(), ids });
    const extractor = createBedrockExtractor({
      client: new BedrockRuntimeClient({
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
      }),
      modelId: MODEL_ID,
    });

    const outcome = await ingestDocument(
      { eventStore, uniqueKeys: new MemoryUniqueKeys(), extractor, ids, clock: fixedClock() },
      { text: ARTICLE, publishedAt: PUBLISHED_AT, title: 'Kyiv rules out ceding land' },
    );

    expect(outcome.extractorVersion).toBe(`bedrock:${MODEL_ID}@1.1.0`);
    expect(outcome.droppedStatements).toBe(0);
    expect(outcome.statements.map((s) => [s.sentenceIndex, s.topic, s.extractorVersion])).toEqual([
      [0, 'territory', `bedrock:${MODEL_ID}@1.1.0`],
      [2, 'ceasefire', `bedrock:${MODEL_ID}@1.1.0`],
    ]);
    expect(outcome.statements.every((s) => s.documentId === outcome.documentId)).toBe(true);
  });
});
