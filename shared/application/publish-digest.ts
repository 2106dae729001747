import { renderDigest } from '../domain/alerts/render-digest';
import type { Clock } from '../ports/clock';
import type { Notifier, PublishReceipt } from '../ports/notifier';
import type { ContradictionView, ViewReader } from '../ports/views';
import { readAllPages } from './read-all-pages';

export interface DigestDependencies {
  views: Pick<ViewReader, 'listReviewQueue' | 'listShifts'>;
  notifier: Notifier;
  clock: Clock;
  apiUrl?: string;
}

export interface DigestOptions {
  /** Include moves to or from conditional (`-c alertShifts=true`, `digest --alert-shifts`). */
  includeShifts: boolean;
  /** How far back the digest looks (default 24 hours). */
  hours?: number;
}

export type DigestOutcome =
  | { status: 'published'; possible: number; shifts: number; receipt: PublishReceipt }
  | { status: 'nothing-new' };

const HOUR_MS = 3_600_000;
/** The queue is small by design; this bounds a pathological day. */
const MAX_POSSIBLE = 500;

/**
 * The daily digest: the possible contradictions detected in the last day that still wait for
 * review, and (opted in) the day's shifts, in one message. Nothing is sent on a quiet day.
 */
export async function publishDigest(dependencies: DigestDependencies, options: DigestOptions): Promise<DigestOutcome> {
  const now = dependencies.clock.now();
  const since = new Date(now.getTime() - (options.hours ?? 24) * HOUR_MS).toISOString();
  const queue = await readAllPages((page) => dependencies.views.listReviewQueue(page), MAX_POSSIBLE);
  const possible = queue.items.filter((pair: ContradictionView) => pair.detectedAt >= since);
  const shifts = options.includeShifts ? await dependencies.views.listShifts(since) : [];
  const message = renderDigest({
    day: now.toISOString().slice(0, 10),
    possible,
    shifts,
    ...(dependencies.apiUrl ? { apiUrl: dependencies.apiUrl } : {}),
  });
  if (!message) return { status: 'nothing-new' };
  const receipt = await dependencies.notifier.publish(message);
  return { status: 'published', possible: possible.length, shifts: shifts.length, receipt };
}
