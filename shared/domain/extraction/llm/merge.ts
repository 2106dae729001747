import type { Statement } from '../../../../events/statement';

/**
 * Merges statement lists (chunks of one document, or the rules' and the model's): one statement
 * per statementId — the id already encodes document, sentence, actor, topic, proposition, polarity
 * and hearsay, so equal ids are the same claim — keeping the most confident, in document order.
 */
export function mergeStatements(...lists: ReadonlyArray<readonly Statement[]>): Statement[] {
  const byId = new Map<string, Statement>();
  for (const list of lists) {
    for (const statement of list) {
      const existing = byId.get(statement.statementId);
      if (!existing || existing.confidence < statement.confidence) byId.set(statement.statementId, statement);
    }
  }
  return [...byId.values()].sort(
    (a, b) =>
      a.sentenceIndex - b.sentenceIndex ||
      a.actor.localeCompare(b.actor) ||
      a.topic.localeCompare(b.topic) ||
      a.proposition.localeCompare(b.proposition) ||
      a.polarity.localeCompare(b.polarity),
  );
}
