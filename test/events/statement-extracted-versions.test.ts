import { describe, expect, it } from 'vitest';
import type { EventDefinition } from '../../events/define-event';
import { StatementExtracted } from '../../events/document-events';
import { UnsupportedSchemaVersionError } from '../../events/errors';
import { eventDefinitions, parseEvent } from '../../events/registry';

/** A StatementExtracted exactly as rules@1.0.0 stored it, before evidence kinds existed. */
const storedV1 = {
  eventId: '01JD0000000000000000000001',
  streamId: 'document/doc-v1',
  version: 2,
  type: 'StatementExtracted',
  schemaVersion: 1,
  occurredAt: '2025-11-02T10:00:00.000Z',
  recordedAt: '2025-11-02T10:00:01.000Z',
  correlationId: 'c-1',
  causationId: 'c-1',
  data: {
    statementId: 'st-1',
    documentId: 'doc-v1',
    sentenceIndex: 0,
    quote: '"We will not give up Donbas," Zelensky said.',
    actor: 'ukraine',
    speaker: 'Volodymyr Zelensky',
    topic: 'territory',
    proposition: 'cede-territory',
    polarity: 'oppose',
    attribution: 'direct',
    confidence: 0.95,
    statedAt: '2025-11-02',
    extractorVersion: 'rules@1.0.0',
    codebookVersion: '1.0.0',
  },
};

describe('StatementExtracted schema versions', () => {
  it('has an upcaster for every version below the current one, for every event type', () => {
    for (const definition of Object.values(eventDefinitions) as EventDefinition<string, never>[]) {
      for (let version = 1; version < definition.schemaVersion; version++) {
        expect(definition.upcasters[version], `${definition.type} v${version}`).toBeTypeOf('function');
      }
    }
  });

  it('given a stored v1 statement, when it is read, then it is current with evidence "speech" and nothing else changed', () => {
    const event = parseEvent(storedV1);

    expect(event.schemaVersion).toBe(StatementExtracted.schemaVersion);
    expect(event.data).toEqual({ ...storedV1.data, evidence: 'speech' });
  });

  it('keeps an evidence kind a v1 record already carries (the upcaster only fills a gap)', () => {
    const event = parseEvent({ ...storedV1, data: { ...storedV1.data, evidence: 'quote' } });

    expect(event.data).toMatchObject({ evidence: 'quote' });
  });

  it('refuses a current-version statement without an evidence kind', () => {
    expect(() => parseEvent({ ...storedV1, schemaVersion: StatementExtracted.schemaVersion })).toThrow(/evidence/);
  });

  it('refuses a version newer than this build understands', () => {
    expect(() => parseEvent({ ...storedV1, schemaVersion: StatementExtracted.schemaVersion + 1 })).toThrow(
      UnsupportedSchemaVersionError,
    );
  });
});
