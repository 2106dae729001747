import { expect } from 'vitest';
import type { Statement } from '../../../../events/statement';
import { createRulesExtractor, type RulesExtractor } from '../../../../shared/domain/extraction/rules-extractor';

/** Factories and matchers shared by the extraction tests. */

let shared: RulesExtractor | undefined;

/** One extractor for the whole file: the codebook is compiled once, as in production. */
export const extractor = (): RulesExtractor => {
  shared ??= createRulesExtractor({ codebook: undefined });
  return shared;
};

let counter = 0;

export function extract(text: string, publishedAt = '2025-11-04'): Statement[] {
  counter += 1;
  return extractor().extractSync({ documentId: `doc-test-${counter}`, text, publishedAt }).statements;
}

export interface Expected {
  actor: string;
  topic: string;
  proposition?: string;
  polarity: Statement['polarity'];
  attribution?: Statement['attribution'];
  /** `null`: the statement must carry no reportedBy. */
  reportedBy?: string | null;
  speaker?: string;
}

const matches = (statement: Statement, expected: Expected) =>
  statement.actor === expected.actor &&
  statement.topic === expected.topic &&
  statement.polarity === expected.polarity &&
  (expected.proposition === undefined || statement.proposition === expected.proposition) &&
  (expected.attribution === undefined || statement.attribution === expected.attribution) &&
  (expected.reportedBy === undefined ||
    (expected.reportedBy === null
      ? statement.reportedBy === undefined
      : statement.reportedBy === expected.reportedBy)) &&
  (expected.speaker === undefined || statement.speaker === expected.speaker);

const describeAll = (statements: Statement[]) =>
  statements
    .map(
      (s) =>
        `${s.actor}/${s.topic}/${s.proposition}/${s.polarity}/${s.attribution}${s.reportedBy ? ` by ${s.reportedBy}` : ''}${s.speaker ? ` (${s.speaker})` : ''}`,
    )
    .join('; ') || 'nothing';

export function expectStatement(statements: Statement[], expected: Expected): Statement {
  const found = statements.find((statement) => matches(statement, expected));
  expect(found, `expected ${JSON.stringify(expected)} among: ${describeAll(statements)}`).toBeDefined();
  return found!;
}

export function expectNoStatement(statements: Statement[], unexpected: Partial<Expected>): void {
  const found = statements.find(
    (statement) =>
      (unexpected.actor === undefined || statement.actor === unexpected.actor) &&
      (unexpected.topic === undefined || statement.topic === unexpected.topic) &&
      (unexpected.proposition === undefined || statement.proposition === unexpected.proposition) &&
      (unexpected.polarity === undefined || statement.polarity === unexpected.polarity),
  );
  expect(found, `did not expect ${JSON.stringify(unexpected)} among: ${describeAll(statements)}`).toBeUndefined();
}

/** The statements of one actor on one topic, for tests that expect none or count them. */
export const about = (statements: Statement[], actor: string, topic: string): Statement[] =>
  statements.filter((s) => s.actor === actor && s.topic === topic);
