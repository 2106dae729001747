import type { StatementRef } from '../../../events/statement-ref';
import type { AlertMessage } from '../../ports/notifier';
import type { ContradictionView } from '../../ports/views';
import type { ShiftRecord } from '../positions/view-updates';
import { toCalendarDate } from '../timestamps';
import { whyPossible } from './alert-strength';
import { displayNameOf, labelOf } from './display-names';
import { asciiSubject } from './render-alert';

export interface DigestContent {
  /** The day the digest covers (YYYY-MM-DD), in its subject and id. */
  day: string;
  possible: readonly ContradictionView[];
  shifts: readonly ShiftRecord[];
  apiUrl?: string;
}

const said = (statement: StatementRef) =>
  `${toCalendarDate(statement.statedAt)}, ${statement.speaker ?? 'narrated'}${statement.source ? ` (${statement.source})` : ''}: "${statement.quote}"`;

/**
 * One message for the day's lower-severity news: possible contradictions waiting for review, and
 * (when the deployment opts in) positions that moved to or from conditional. Pure; undefined when
 * there is nothing to say, so a quiet day sends nothing.
 */
export function renderDigest(content: DigestContent): AlertMessage | undefined {
  if (content.possible.length === 0 && content.shifts.length === 0) return undefined;
  const api = content.apiUrl?.replace(/\/+$/, '');
  const lines = [`stancewatch digest for ${content.day}.`, ''];
  if (content.possible.length > 0) {
    lines.push(`POSSIBLE CONTRADICTIONS WAITING FOR REVIEW (${content.possible.length})`, '');
    for (const pair of content.possible) {
      lines.push(
        `- ${displayNameOf(pair.actor)} on ${labelOf(pair.proposition)} [${pair.id}]`,
        `  waiting because ${whyPossible(pair.earlier, pair.later) ?? 'it was possible when detected'}`,
        `  earlier ${pair.earlier.polarity}: ${said(pair.earlier)}`,
        `  later ${pair.later.polarity}: ${said(pair.later)}`,
        '',
      );
    }
    if (api) lines.push(`Review them: ${api}/desk`, '');
  }
  if (content.shifts.length > 0) {
    lines.push(`SHIFTS TO OR FROM A CONDITIONAL STANCE (${content.shifts.length})`, '');
    for (const shift of content.shifts) {
      lines.push(
        `- ${displayNameOf(shift.actor)} on ${labelOf(shift.proposition)}: ${shift.from} -> ${shift.to}`,
        `  before: ${said(shift.previous)}`,
        `  now: ${said(shift.statement)}`,
        '',
      );
    }
  }
  lines.push('Sent by stancewatch (daily digest).');
  const counts = [
    content.possible.length > 0 ? `${content.possible.length} to review` : undefined,
    content.shifts.length > 0 ? `${content.shifts.length} shift${content.shifts.length === 1 ? '' : 's'}` : undefined,
  ].filter(Boolean);
  return {
    contradictionId: `digest-${content.day}`,
    subject: asciiSubject(`stancewatch digest ${content.day}: ${counts.join(', ')}`),
    body: lines.join('\n'),
    // Lower severity than any alert: an email subscription filtering on severity can leave it out.
    attributes: { actor: 'digest', topic: 'digest', proposition: 'digest', severity: 'low' },
  };
}
