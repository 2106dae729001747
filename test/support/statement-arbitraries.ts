import fc from 'fast-check';
import { aStatement, type ExtractedData } from './statement-factory';

/** Few actors, documents and dates, so ties, same-document pairs and late arrivals come up often. */
export const statementArbitrary = (options: { actors?: string[]; propositions?: string[] } = {}) =>
  fc
    .record({
      actor: fc.constantFrom(...(options.actors ?? ['ukraine'])),
      proposition: fc.constantFrom(...(options.propositions ?? ['cede-territory'])),
      documentId: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5'),
      sentenceIndex: fc.integer({ min: 0, max: 3 }),
      statedAt: fc.constantFrom('2025-10-01', '2025-10-28', '2025-11-20', '2025-12-10', '2026-01-15T09:30:00+02:00'),
      polarity: fc.constantFrom('support' as const, 'oppose' as const, 'conditional' as const),
      attribution: fc.constantFrom('direct' as const, 'reported' as const),
      confidence: fc.constantFrom(0.3, 0.65, 0.7, 0.9),
      hearsay: fc.integer({ min: 0, max: 6 }).map((roll) => roll === 0),
    })
    .map(({ hearsay, ...fields }) =>
      aStatement({
        ...fields,
        topic: topicOf(fields.proposition),
        ...(hearsay ? { reportedBy: 'united-states', attribution: 'reported' } : {}),
      }),
    );

/** "venue:belarus" belongs to the venue topic; other test propositions to territory. */
const topicOf = (proposition: string) => (proposition.startsWith('venue:') ? 'venue' : 'territory');

/**
 * Distinct statements: one statement id always denotes the same statement, as with a real
 * extractor (the id is derived from document, sentence, actor, proposition and polarity, and a
 * document has one date).
 */
export const statementsArbitrary = (
  options: { minLength?: number; maxLength?: number; actors?: string[]; propositions?: string[] } = {},
) =>
  fc
    .uniqueArray(statementArbitrary(options), {
      minLength: options.minLength ?? 1,
      maxLength: options.maxLength ?? 9,
      selector: (statement: ExtractedData) => statement.statementId,
    })
    .map(oneDatePerDocument);

/** A document has one publication date: give every statement of a document the first one's date. */
function oneDatePerDocument(statements: ExtractedData[]): ExtractedData[] {
  const dates = new Map<string, string>();
  return statements.map((statement) => {
    const statedAt = dates.get(statement.documentId) ?? statement.statedAt;
    dates.set(statement.documentId, statedAt);
    return { ...statement, statedAt };
  });
}
