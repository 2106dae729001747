import type { StatementRef } from '../../../events/statement-ref';
import type { ContradictionView, PositionView, TimelineEntry } from '../../ports/views';
import { clip, POLARITY_MARK } from '../text-format';
import { toCalendarDate } from '../timestamps';

export { clip } from '../text-format';

/**
 * Human-readable output for the `positions`, `timeline` and `contradictions` commands, and the
 * JSON shape of a contradiction (`--json`, the API). No I/O: callers print the strings.
 */

/** Fixed-width columns; the last column is not padded. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export function formatPositions(positions: readonly PositionView[]): string {
  if (positions.length === 0) return '(no positions yet)';
  return formatTable(
    ['ACTOR', 'TOPIC', 'PROPOSITION', 'POSITION', 'SAID', 'BY', 'QUOTE'],
    positions.map((position) => [
      position.actor,
      position.topic,
      position.proposition,
      `${POLARITY_MARK[position.polarity]} ${position.polarity}`,
      toCalendarDate(position.statement.statedAt),
      clip(position.statement.speaker ?? '', 24),
      `"${clip(position.statement.quote, 70)}"`,
    ]),
  );
}

/** What the timeline marks on an entry: how it moved the position, or why it did not. */
export function timelineMarks(entry: TimelineEntry): string[] {
  const marks: string[] = [];
  if (entry.hearsay) marks.push(`hearsay via ${entry.reportedBy}`);
  else if (entry.evidenceOnly === 'low-confidence') marks.push('low confidence');
  if (entry.effect === 'taken') marks.push('position taken');
  if (entry.effect === 'changed') marks.push(`changed from ${entry.changedFrom}`);
  if (entry.effect === 'reaffirmed') marks.push('reaffirmed');
  if (entry.contradictionIds.length > 0) {
    marks.push(`CONTRADICTION${entry.contradictionIds.length > 1 ? ` ×${entry.contradictionIds.length}` : ''}`);
  }
  if (entry.retracted) marks.push('retracted');
  else if (entry.withdrawn) marks.push('withdrawn');
  return marks;
}

export function formatTimeline(entries: readonly TimelineEntry[]): string {
  if (entries.length === 0) return '(nothing said on this topic yet)';
  return entries
    .map((entry) => {
      const who = entry.speaker ? ` ${entry.speaker}:` : '';
      const marks = timelineMarks(entry);
      return (
        `${toCalendarDate(entry.statedAt)}  ${POLARITY_MARK[entry.polarity]} ${entry.proposition} ${entry.polarity}` +
        (marks.length > 0 ? `  [${marks.join(', ')}]` : '') +
        `\n    ${who} "${clip(entry.quote, 110)}"` +
        (entry.source ? `  (${entry.source})` : '')
      );
    })
    .join('\n');
}

export function formatContradictions(contradictions: readonly ContradictionView[]): string {
  if (contradictions.length === 0) return '(no contradictions)';
  const side = (label: string, statement: StatementRef) =>
    `    ${label} ${toCalendarDate(statement.statedAt)} ${statement.polarity}: "${clip(statement.quote, 100)}"` +
    (statement.source ? ` (${statement.source})` : '');
  return contradictions
    .map(
      (contradiction) =>
        `${contradiction.actor} contradicts itself on ${contradiction.topic} (${contradiction.proposition}) · ` +
        `${contradiction.severity}${contradiction.status === 'withdrawn' ? ' · withdrawn' : ''} · ${contradiction.id}\n` +
        `${side('earlier', contradiction.earlier)}\n${side('later  ', contradiction.later)}`,
    )
    .join('\n\n');
}

/** One side of a contradiction in JSON. */
export interface ContradictionSideJson {
  statementId: string;
  documentId: string;
  statedAt: string;
  quote: string;
  polarity: StatementRef['polarity'];
  speaker?: string;
  source?: string;
  documentTitle?: string;
}

export interface ContradictionJson {
  id: string;
  actor: string;
  topic: string;
  proposition: string;
  severity: ContradictionView['severity'];
  strength: ContradictionView['strength'];
  status: ContradictionView['status'];
  earlier: ContradictionSideJson;
  later: ContradictionSideJson;
  detectedAt: string;
  alert?: ContradictionView['alert'];
  verdict?: ContradictionView['verdict'];
}

const sideJson = (statement: StatementRef): ContradictionSideJson => ({
  statementId: statement.statementId,
  documentId: statement.documentId,
  statedAt: statement.statedAt,
  quote: statement.quote,
  polarity: statement.polarity,
  ...(statement.speaker !== undefined ? { speaker: statement.speaker } : {}),
  ...(statement.source !== undefined ? { source: statement.source } : {}),
  ...(statement.documentTitle !== undefined ? { documentTitle: statement.documentTitle } : {}),
});

/** The documented JSON shape of a contradiction: `contradictions --json` and the API use it. */
export function contradictionJson(contradiction: ContradictionView): ContradictionJson {
  return {
    id: contradiction.id,
    actor: contradiction.actor,
    topic: contradiction.topic,
    proposition: contradiction.proposition,
    severity: contradiction.severity,
    strength: contradiction.strength,
    status: contradiction.status,
    earlier: sideJson(contradiction.earlier),
    later: sideJson(contradiction.later),
    detectedAt: contradiction.detectedAt,
    ...(contradiction.alert ? { alert: contradiction.alert } : {}),
    ...(contradiction.verdict ? { verdict: contradiction.verdict } : {}),
  };
}
