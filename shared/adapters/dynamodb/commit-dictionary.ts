/**
 * The preset dictionary of `eventsZ1` commit items (docs/event-store.md, "Commit items"): DEFLATE
 * starts a commit's compressed events with these bytes already seen, so the attribute names and
 * the values every commit repeats (event types, envelope fields, statement fields, enums, common
 * words of news copy) cost a back-reference from the first event on instead of their full length.
 * A wire story's document commit goes under 1 KB, one write unit instead of two.
 *
 * FROZEN: every stored `eventsZ1` item can only be inflated with exactly these bytes, and
 * test/shared/adapters/dynamodb/commit-dictionary.test.ts pins their hash. To change it, add a
 * second dictionary under a new attribute name (`eventsZ2`) and keep reading this one.
 *
 * DEFLATE looks back at most 32 KB and finds nearer matches cheaper, so the most frequent
 * shapes (document and statement events) come last.
 */

const envelope = (type: string, schemaVersion: number) =>
  `{"eventId":"01","type":"${type}","schemaVersion":${schemaVersion},"version":1,"occurredAt":"2026-01-01T00:00:00.000Z","correlationId":"01","causationId":"01","data":{`;

const statementFields =
  '"statementId":"st-","documentId":"doc-","sentenceIndex":1,"quote":"","polarity":"support","attribution":"direct","evidence":"quote","speaker":"","confidence":0.9,"statedAt":"2026-","source":"","documentTitle":""}';

const words = [
  ' the ',
  ' of the ',
  ' and ',
  ' to ',
  ' in ',
  ' on ',
  ' that ',
  ' for ',
  ' with ',
  ' was ',
  ' is ',
  ' would ',
  ' will ',
  ' not ',
  ' has ',
  ' have ',
  ' had ',
  ' said ',
  ' told reporters ',
  ' in a statement',
  ' on Monday',
  ' on Tuesday',
  ' on Wednesday',
  ' on Thursday',
  ' on Friday',
  ' on Saturday',
  ' on Sunday',
  ' according to ',
  ' officials ',
  ' government ',
  ' minister ',
  ' President ',
  ' Prime Minister ',
  ' Foreign Minister ',
  ' Defence Minister ',
  ' spokesman ',
  ' spokeswoman ',
  ' talks ',
  ' ceasefire ',
  ' sanctions ',
  ' weapons ',
  ' troops ',
  ' territory ',
  ' peace ',
  ' war ',
  ' negotiations ',
  ' meeting ',
  ' support ',
  ' against ',
  ' would not ',
  ' could ',
  ' should ',
  ' after ',
  ' before ',
  ' week ',
  ' last ',
  ' next ',
  ' Ukraine',
  ' Russia',
  ' United States',
  ' European Union',
  ' NATO',
  ' Kyiv',
  ' Moscow',
  ' Washington',
  ' Brussels',
  ' Ukrainian ',
  ' Russian ',
  ' American ',
  ' European ',
  ' Kremlin',
  ' White House',
  '.\n',
  '." ',
  ' "',
].join('');

const rarer = [
  '"polarity":"oppose","polarity":"conditional","attribution":"reported","evidence":"speech","evidence":"action","reportedBy":"',
  `${envelope('AlertPublished', 1)}"contradictionId":"ctr-","channel":"sns","messageId":""}}`,
  `${envelope('ContradictionConfirmed', 1)}${envelope('ContradictionDismissed', 1)}"by":"","note":"","reason":"misread"}}`,
  `${envelope('StatementRetracted', 1)}${envelope('StatementWithdrawn', 1)}"reason":"","current":null,"voidedContradictions":[{"contradictionId":"ctr-","earlierStatementId":"st-","laterStatementId":"st-"}]}}`,
  `${envelope('ContradictionDetected', 2)}"actor":"","topic":"","proposition":"","contradictionId":"ctr-","earlier":{${statementFields},"later":{${statementFields},"severity":"high","strength":"strong"}}`,
  `${envelope('PositionChanged', 1)}"actor":"","topic":"","proposition":"","from":"oppose","to":"support","statement":{${statementFields},"previous":{${statementFields}}}`,
  `${envelope('PositionReaffirmed', 1)}${envelope('PositionTaken', 1)}"actor":"","topic":"","proposition":"","polarity":"support","statement":{${statementFields}}}`,
].join('');

const frequent = [
  '{"eventId":"01","type":"DocumentIngested","schemaVersion":1,"version":1,"occurredAt":"2026-01-01T00:00:00.000Z","correlationId":"01","causationId":null,"data":{"documentId":"doc-","externalId":"","title":"","source":"","url":"https://","publishedAt":"2026-","text":"","contentHash":"","format":"text","extractorVersion":"rules@1.","codebookVersion":"1.","statementCount":1}}',
  ',{"eventId":"01","type":"StatementExtracted","schemaVersion":2,"version":2,"occurredAt":"2026-01-01T00:00:00.000Z","correlationId":"01","causationId":"01","data":{"statementId":"st-","documentId":"doc-","sentenceIndex":1,"quote":"","actor":"","speaker":"","topic":"","proposition":"","polarity":"support","attribution":"direct","evidence":"speech","confidence":0.9,"statedAt":"2026-","extractorVersion":"rules@1.","codebookVersion":"1.","source":"","documentTitle":""}}]',
].join('');

export const COMMIT_DICTIONARY_1: Buffer = Buffer.from(words + rarer + frequent, 'utf8');
