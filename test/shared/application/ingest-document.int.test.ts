import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Statement } from '../../../events/statement';
import { DynamoEventStore } from '../../../shared/adapters/dynamodb/dynamo-event-store';
import { DynamoUniqueKeyRegistry } from '../../../shared/adapters/dynamodb/dynamo-unique-key-registry';
import { type IngestDependencies, ingestDocument } from '../../../shared/application/ingest-document';
import { MAX_RAW_DOCUMENT_BYTES, MAX_TEXT_BYTES } from '../../../shared/domain/documents/document-limits';
import { statementIdFor } from '../../../shared/domain/extraction/statement-id';
import { DocumentTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../../../shared/errors';
import type { Extractor } from '../../../shared/ports/extractor';
import { createUlidGenerator } from '../../../shared/ports/id-generator';
import { type DynamoTestStore, startDynamoTestStore } from '../../support/dynamo-test-store';
import { fixedClock } from '../../support/event-factory';
import { stubExtractor } from '../../support/memory-pipeline';

let dynamo: DynamoTestStore;
let dependencies: IngestDependencies;
let store: DynamoEventStore;

const extractor = stubExtractor('1', [
  {
    phrase: 'will not give up',
    actor: 'ukraine',
    topic: 'territory',
    proposition: 'cede-territory',
    polarity: 'oppose',
  },
  { phrase: 'ready for talks', actor: 'ukraine', topic: 'talks', proposition: 'peace-talks', polarity: 'support' },
]);

const article = {
  title: 'Kyiv sets out its terms',
  source: 'Test Wire',
  publishedAt: '2026-03-02',
  text: 'The president said Ukraine will not give up any land. He added that Kyiv is ready for talks. It rained.',
};

beforeAll(async () => {
  dynamo = await startDynamoTestStore();
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(async () => {
  const tableName = await dynamo.newEventTable();
  const ids = createUlidGenerator();
  store = new DynamoEventStore({ client: dynamo.client, tableName, clock: fixedClock(), ids });
  dependencies = {
    eventStore: store,
    uniqueKeys: new DynamoUniqueKeyRegistry(dynamo.client, tableName),
    extractor,
    ids,
    clock: fixedClock(),
  };
});

const commitsInLog = async () => (await store.readAll({ limit: 100 })).commits;

describe('ingestDocument against dynalite', () => {
  it('stores DocumentIngested and every StatementExtracted in one commit of the document stream', async () => {
    const outcome = await ingestDocument(dependencies, article, { correlationId: 'request-1' });

    expect(outcome).toMatchObject({ duplicate: false, title: 'Kyiv sets out its terms', publishedAt: '2026-03-02' });
    expect(outcome.documentId).toMatch(/^doc-[0-9a-f]{24}$/);
    expect(outcome.statements.map((statement) => [statement.actor, statement.proposition, statement.polarity])).toEqual(
      [
        ['ukraine', 'cede-territory', 'oppose'],
        ['ukraine', 'peace-talks', 'support'],
      ],
    );
    const commits = await commitsInLog();
    expect(commits).toHaveLength(1);
    expect(commits[0]?.streamId).toBe(`document/${outcome.documentId}`);
    expect(commits[0]?.events.map((event) => [event.type, event.version, event.correlationId])).toEqual([
      ['DocumentIngested', 1, 'request-1'],
      ['StatementExtracted', 2, 'request-1'],
      ['StatementExtracted', 3, 'request-1'],
    ]);
    const [ingested, ...extracted] = commits[0]?.events ?? [];
    expect(extracted.every((event) => event.causationId === ingested?.eventId)).toBe(true);
  });

  it('appends nothing for the same document a second time and says it is a duplicate', async () => {
    const first = await ingestDocument(dependencies, article);
    const again = await ingestDocument(dependencies, article);

    expect(again).toMatchObject({ documentId: first.documentId, duplicate: true });
    expect(again.statements).toHaveLength(2);
    expect(await commitsInLog()).toHaveLength(1);
  });

  it('recognises the same text reflowed, or sent under another caller id, as the same document', async () => {
    const first = await ingestDocument(dependencies, { ...article, id: 'wire-17' });
    const reflowed = await ingestDocument(dependencies, { ...article, text: article.text.replaceAll(' ', '  \n') });
    const otherId = await ingestDocument(dependencies, { ...article, id: 'syndicated-9' });

    expect(first.documentId).toBe('wire-17');
    expect(reflowed).toMatchObject({ documentId: 'wire-17', duplicate: true });
    expect(otherId).toMatchObject({ documentId: 'wire-17', duplicate: true });
    expect(await commitsInLog()).toHaveLength(1);
  });

  it('treats the same caller id as the same document', async () => {
    await ingestDocument(dependencies, { ...article, id: 'wire-18' });
    const again = await ingestDocument(dependencies, { ...article, id: 'wire-18', text: `${article.text} Updated.` });

    expect(again).toMatchObject({ documentId: 'wire-18', duplicate: true });
    expect(await commitsInLog()).toHaveLength(1);
  });

  it.each([
    ['a missing publishedAt', { text: 'Some text.' }, ValidationError],
    ['a publishedAt that is not a date', { ...article, publishedAt: 'last tuesday' }, ValidationError],
    ['a text that is not a string', { ...article, text: 42 }, ValidationError],
    ['an unknown field', { ...article, author: 'someone' }, ValidationError],
    ['an id with a slash', { ...article, id: '../etc/passwd' }, ValidationError],
    ['empty text', { ...article, text: '' }, ValidationError],
    ['whitespace only', { ...article, text: ' \n\t \n ' }, ValidationError],
    ['NUL bytes', { ...article, text: `abc\u0000def ${article.text}` }, UnsupportedMediaTypeError],
    ['control characters', { ...article, text: '\u0001\u0002\u0003\u0004'.repeat(20) }, UnsupportedMediaTypeError],
    ['invalid UTF-8 decoded leniently', { ...article, text: '\ufffd'.repeat(50) }, UnsupportedMediaTypeError],
    [
      'raw input over the limit',
      { ...article, text: 'word '.repeat(MAX_RAW_DOCUMENT_BYTES / 5 + 1) },
      DocumentTooLargeError,
    ],
    [
      'article text over the limit',
      { ...article, text: 'Ukraine. '.repeat(MAX_TEXT_BYTES / 9 + 10) },
      DocumentTooLargeError,
    ],
    [
      'an HTML page with no article',
      {
        ...article,
        text: '<!doctype html><html><head><title>x</title></head><body><nav><a href="/">Home</a></nav></body></html>',
      },
      ValidationError,
    ],
    ['null', null, ValidationError],
    ['an array', [article], ValidationError],
  ])('refuses %s with a typed error and writes nothing', async (_case, input, errorType) => {
    await expect(ingestDocument(dependencies, input)).rejects.toBeInstanceOf(errorType);
    expect(await commitsInLog()).toHaveLength(0);
  });

  it('keeps the article of an HTML page and drops the boilerplate around it', async () => {
    const paragraphs = [
      'The president said Ukraine will not give up any land, whatever the pressure on the front.',
      'He added that Kyiv is ready for talks with any partner that respects its borders and its people.',
      'Officials in the capital repeated the message at a briefing later in the day, citing the same reasons.',
    ];
    const html = `<!doctype html><html><head><title>Kyiv sets out its terms</title></head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Kyiv sets out its terms</h1>${paragraphs.map((text) => `<p>${text}</p>`).join('')}</article>
      <footer>Copyright Example News. Subscribe to our newsletter.</footer></body></html>`;
    const outcome = await ingestDocument(dependencies, { publishedAt: '2026-03-02', text: html });

    const [commit] = await commitsInLog();
    const ingested = commit?.events[0];
    expect(ingested?.type === 'DocumentIngested' && ingested.data.format).toBe('html');
    expect(ingested?.type === 'DocumentIngested' && ingested.data.text).not.toMatch(/newsletter|World/);
    expect(outcome.title).toBe('Kyiv sets out its terms');
    expect(outcome.statements.map((statement) => statement.proposition)).toEqual(['cede-territory', 'peace-talks']);
  });

  it('drops statements an extractor invents (quote not in the text, wrong document) and stores the rest', async () => {
    const inventive: Extractor = {
      name: 'inventive',
      async extract(input) {
        const [first, second] = (await extractor.extract(input)).statements as [Statement, Statement];
        const invented = {
          ...first,
          quote: 'Ukraine will cede everything.',
          statementId: statementIdFor({ ...first, sentenceIndex: 9 }),
        };
        const elsewhere = { ...second, documentId: 'doc-other' };
        const real = [first, second];
        return { extractorVersion: 'inventive@1', codebookVersion: '1', statements: [...real, invented, elsewhere] };
      },
    };
    const outcome = await ingestDocument({ ...dependencies, extractor: inventive }, article);

    expect(outcome.statements).toHaveLength(2);
    expect(outcome.droppedStatements).toBe(2);
  });
});
