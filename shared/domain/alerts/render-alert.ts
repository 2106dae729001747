import type { ContradictionDetected } from '../../../events/position-events';
import type { StatementRef } from '../../../events/statement-ref';
import type { AlertMessage } from '../../ports/notifier';
import { toCalendarDate } from '../timestamps';
import { displayNameOf, labelOf } from './display-names';

export interface RenderOptions {
  /** When the contradiction was recorded (the event's recordedAt). */
  detectedAt?: string;
  /** Base URL of the HTTP API; links are added when set. */
  apiUrl?: string;
  /** Overrides how actor ids are shown (e.g. from the codebook). */
  displayName?: (actor: string) => string;
}

/** SNS refuses subjects over 100 characters or with anything but printable ASCII. */
export const MAX_SUBJECT_LENGTH = 100;

/**
 * The alert a person receives for one contradiction: a subject readable at a glance and a plain
 * text body with both statements side by side (quote, date, speaker, source) and the id. Pure.
 */
export function renderContradictionAlert(
  contradiction: ContradictionDetected['data'],
  options: RenderOptions = {},
): AlertMessage {
  const name = options.displayName ?? displayNameOf;
  const actor = name(contradiction.actor);
  const subject = asciiSubject(`${actor} contradicts itself on ${labelOf(contradiction.topic)}`);
  const api = options.apiUrl?.replace(/\/+$/, '');

  const lines = [
    `${actor} contradicts itself on ${labelOf(contradiction.topic)} (${contradiction.proposition}).`,
    `Severity: ${contradiction.severity}`,
    '',
    ...describe('EARLIER', contradiction.earlier, actor),
    '',
    ...describe('LATER', contradiction.later, actor),
    '',
    `Contradiction id: ${contradiction.contradictionId}`,
    ...(options.detectedAt ? [`Detected: ${options.detectedAt}`] : []),
  ];
  if (api) {
    const actorPath = encodeURIComponent(contradiction.actor);
    lines.push(
      `Contradictions: ${api}/contradictions?actor=${actorPath}&topic=${encodeURIComponent(contradiction.topic)}`,
      `Timeline: ${api}/positions/${actorPath}/${encodeURIComponent(contradiction.topic)}/timeline`,
    );
  }
  lines.push('', 'Sent by stancewatch.');

  return {
    contradictionId: contradiction.contradictionId,
    subject,
    body: lines.join('\n'),
    attributes: {
      actor: contradiction.actor,
      topic: contradiction.topic,
      proposition: contradiction.proposition,
      severity: contradiction.severity,
    },
  };
}

function describe(label: string, statement: StatementRef, actor: string): string[] {
  const speaker = statement.speaker ? `${statement.speaker} (${actor})` : actor;
  const how = statement.attribution === 'reported' ? 'reported' : 'said';
  const source = [statement.source, statement.documentTitle ? `"${statement.documentTitle}"` : undefined]
    .filter(Boolean)
    .join(', ');
  return [
    `${label}: ${how} ${toCalendarDate(statement.statedAt)} by ${speaker}, ${statement.polarity}`,
    `  "${statement.quote}"`,
    `  Source: ${source || 'unknown source'} (document ${statement.documentId}, sentence ${statement.sentenceIndex + 1})`,
  ];
}

/** Printable ASCII only (accents folded, other characters dropped), one line, at most 100 characters. */
export function asciiSubject(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  const subject = ascii.length > MAX_SUBJECT_LENGTH ? `${ascii.slice(0, MAX_SUBJECT_LENGTH - 3).trimEnd()}...` : ascii;
  return subject || 'stancewatch: contradiction detected';
}
