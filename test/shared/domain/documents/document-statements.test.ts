import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../../events/registry';
import { decideCorrection, liveStatements } from '../../../../shared/domain/documents/document-statements';
import { aStatement } from '../../../support/statement-factory';

const refuses = aStatement({ documentId: 'doc', sentenceIndex: 0, polarity: 'oppose' });
const cedes = aStatement({ documentId: 'doc', sentenceIndex: 1, polarity: 'support' });
const venue = aStatement({ documentId: 'doc', sentenceIndex: 2, topic: 'venue', proposition: 'venue:belarus' });
const extracted = (statement: typeof refuses) =>
  ({ type: 'StatementExtracted', data: { ...statement, extractorVersion: 'v1', codebookVersion: '1' } }) as DomainEvent;
const retracted = (statement: typeof refuses) =>
  ({ type: 'StatementRetracted', data: { statementId: statement.statementId } }) as DomainEvent;
const rejected = (statement: typeof refuses) =>
  ({ type: 'StatementRejected', data: { statementId: statement.statementId } }) as DomainEvent;
const ids = (statements: ReadonlyArray<{ statementId: string }>) => statements.map((s) => s.statementId);

describe('a re-extraction decision', () => {
  it('given a document stating two things, when the extractor finds one of them and a new one, then it retracts the lost one and adds the new one', () => {
    const correction = decideCorrection([extracted(refuses), extracted(cedes)], [refuses, venue]);
    expect(ids(correction.retract)).toEqual([cedes.statementId]);
    expect(ids(correction.extract)).toEqual([venue.statementId]);
  });

  it('given the extractor finds exactly what the document states, then nothing changes', () => {
    expect(decideCorrection([extracted(refuses), extracted(cedes)], [refuses, cedes])).toEqual({
      retract: [],
      extract: [],
    });
  });

  it('given a statement retracted earlier, when it is found again, then it comes back', () => {
    const correction = decideCorrection([extracted(cedes), retracted(cedes)], [cedes]);
    expect(ids(correction.extract)).toEqual([cedes.statementId]);
  });

  it('given a statement an analyst rejected, when it is found again, then it stays out, and it is not retracted twice', () => {
    const events = [extracted(refuses), extracted(cedes), rejected(cedes)];
    expect(ids([...liveStatements(events).values()])).toEqual([refuses.statementId]);
    expect(decideCorrection(events, [refuses, cedes])).toEqual({ retract: [], extract: [] });
    expect(ids(decideCorrection(events, []).retract)).toEqual([refuses.statementId]);
  });
});
