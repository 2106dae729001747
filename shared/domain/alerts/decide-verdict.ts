import type { EventDataOf } from '../../../events/registry';
import type { DismissalReason } from '../../../events/review-events';
import type { AlertStreamState } from './alert-stream';

export interface ContradictionKey {
  contradictionId: string;
  actor: string;
  topic: string;
  proposition: string;
}

export type VerdictCommand =
  | { type: 'Confirm'; contradiction: ContradictionKey; by: string; note?: string | undefined }
  | {
      type: 'Dismiss';
      contradiction: ContradictionKey;
      reason: DismissalReason;
      by: string;
      note?: string | undefined;
    };

export type VerdictDecision =
  | { type: 'ContradictionConfirmed'; data: EventDataOf<'ContradictionConfirmed'> }
  | { type: 'ContradictionDismissed'; data: EventDataOf<'ContradictionDismissed'> };

/**
 * An analyst's verdict on a contradiction. Giving the verdict it already has changes nothing (a
 * double-clicked button, a retried request); another verdict replaces it, and the stream keeps
 * both, so the desk's statistics count what was decided and when. A dismissal after the alert went
 * out cannot recall the email; it is recorded (and counts as a false alert in the statistics).
 */
export function decideVerdict(state: AlertStreamState, command: VerdictCommand): VerdictDecision[] {
  const note = command.note?.trim() ? { note: command.note.trim() } : {};
  if (command.type === 'Confirm') {
    if (state.verdict?.kind === 'confirmed') return [];
    return [{ type: 'ContradictionConfirmed', data: { ...command.contradiction, by: command.by, ...note } }];
  }
  if (state.verdict?.kind === 'dismissed' && state.verdict.reason === command.reason) return [];
  return [
    {
      type: 'ContradictionDismissed',
      data: { ...command.contradiction, reason: command.reason, by: command.by, ...note },
    },
  ];
}
