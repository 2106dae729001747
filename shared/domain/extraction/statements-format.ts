import type { Statement } from '../../../events/statement';
import { clip, POLARITY_MARK } from '../text-format';
import { toCalendarDate } from '../timestamps';

/** `extract` output: one entry per statement, polarity mark, actor, topic/proposition, evidence kind, date, confidence, quote. */
export function formatStatements(statements: readonly Statement[]): string {
  if (statements.length === 0) return '  (no statements)';
  return statements
    .map((statement) => {
      const hearsay = statement.reportedBy ? ` (as reported by ${statement.reportedBy})` : '';
      return (
        `  ${POLARITY_MARK[statement.polarity]} ${statement.actor} ${statement.polarity} ` +
        `${statement.topic}/${statement.proposition}${hearsay} · ${statement.evidence} · ${toCalendarDate(statement.statedAt)} · ` +
        `${statement.confidence.toFixed(2)}\n    “${clip(statement.quote, 110)}”`
      );
    })
    .join('\n');
}
