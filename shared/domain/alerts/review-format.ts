import type { StatementRef } from '../../../events/statement-ref';
import type { ContradictionView, DeskStats } from '../../ports/views';
import { clip } from '../positions/positions-format';
import { toCalendarDate } from '../timestamps';
import { whyPossible } from './alert-strength';

const side = (label: string, statement: StatementRef) =>
  `    ${label} ${toCalendarDate(statement.statedAt)} ${statement.polarity.padEnd(11)} ${
    statement.speaker ?? '(narrated)'
  }${statement.source ? `, ${statement.source}` : ''}\n      “${clip(statement.quote, 140)}”  [${statement.statementId} in ${statement.documentId}]`;

/** `stancewatch review`: each waiting contradiction with why it waits and both sides as evidence. */
export function formatReviewQueue(queue: readonly ContradictionView[]): string {
  if (queue.length === 0) return '  (the review queue is empty)';
  return queue
    .map((item) => {
      const why = whyPossible(item.earlier, item.later) ?? 'possible when detected';
      return [
        `  ${item.id}  ${item.actor} on ${item.proposition}  (detected ${toCalendarDate(item.detectedAt)}; ${why})`,
        side('earlier', item.earlier),
        side('later  ', item.later),
      ].join('\n');
    })
    .join('\n\n');
}

/** `stancewatch review stats`: the desk's precision over the window. */
export function formatStats(stats: DeskStats, days: number): string {
  const reasons = Object.entries(stats.dismissedByReason)
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  return [
    `  last ${days} days (since ${toCalendarDate(stats.since)})`,
    `  alerts sent   ${stats.alertsSent}`,
    `  reviewed      ${stats.reviewed}`,
    `  confirmed     ${stats.confirmed}`,
    `  dismissed     ${stats.dismissed}${reasons ? `  (${reasons})` : ''}`,
  ].join('\n');
}
