import type { Statement } from '../events/statement';

const POLARITY_MARK: Record<Statement['polarity'], string> = { support: '+', oppose: '-', conditional: '~' };

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** One line per statement: polarity mark, actor, topic/proposition, date, and the start of the quote. */
export function formatStatements(statements: readonly Statement[]): string {
  if (statements.length === 0) return '  (no statements)';
  return statements
    .map((statement) => {
      const hearsay = statement.reportedBy ? ` (as reported by ${statement.reportedBy})` : '';
      return (
        `  ${POLARITY_MARK[statement.polarity]} ${statement.actor} ${statement.polarity} ` +
        `${statement.topic}/${statement.proposition}${hearsay} · ${statement.statedAt.slice(0, 10)} · ` +
        `${statement.confidence.toFixed(2)}\n    “${clip(statement.quote, 110)}”`
      );
    })
    .join('\n');
}
