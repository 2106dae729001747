import type { Strength } from '../../../events/position-events';
import type { EventOfType } from '../../../events/registry';
import type { DismissalReason } from '../../../events/review-events';

/**
 * Everything about one contradiction's `alert/<contradictionId>` stream that the alerter and the
 * review commands decide on: whether its alert went out, and the analyst's latest verdict.
 */
export interface AlertStreamState {
  version: number;
  published: boolean;
  verdict: Verdict | undefined;
}

export type Verdict =
  | { kind: 'confirmed'; by: string; note?: string | undefined }
  | { kind: 'dismissed'; reason: DismissalReason; by: string; note?: string | undefined };

export const initialAlertStreamState = (): AlertStreamState => ({ version: 0, published: false, verdict: undefined });

type AlertStreamEvent = EventOfType<'AlertPublished' | 'ContradictionConfirmed' | 'ContradictionDismissed'>;

export function evolveAlertStream(state: AlertStreamState, event: { type: string; version: number }): AlertStreamState {
  const known = event as AlertStreamEvent;
  switch (known.type) {
    case 'AlertPublished':
      return { ...state, version: known.version, published: true };
    case 'ContradictionConfirmed':
      return {
        ...state,
        version: known.version,
        verdict: { kind: 'confirmed', by: known.data.by, note: known.data.note },
      };
    case 'ContradictionDismissed':
      return {
        ...state,
        version: known.version,
        verdict: { kind: 'dismissed', reason: known.data.reason, by: known.data.by, note: known.data.note },
      };
    default:
      return { ...state, version: event.version };
  }
}

/**
 * What the alerter does with a contradiction: send it now, leave it in the review queue, or
 * nothing (already sent, or dismissed). Strong contradictions go out at once; possible ones only
 * once an analyst confirms them. A dismissal wins over everything, for good.
 */
export type AlertDelivery = 'publish' | 'queue' | 'already-published' | 'dismissed';

export function decideAlertDelivery(state: AlertStreamState, strength: Strength): AlertDelivery {
  if (state.published) return 'already-published';
  if (state.verdict?.kind === 'dismissed') return 'dismissed';
  if (strength === 'strong' || state.verdict?.kind === 'confirmed') return 'publish';
  return 'queue';
}

/** The event types that can make an alert go out: the alerter's stream filter, on AWS and embedded. */
export const ALERTING_EVENT_TYPES = ['ContradictionDetected', 'ContradictionConfirmed'] as const;
