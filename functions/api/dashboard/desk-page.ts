import { DismissalReason } from '../../../events/review-events';
import type { StatementRef } from '../../../events/statement-ref';
import { whyPossible } from '../../../shared/domain/alerts/alert-strength';
import { displayNameOf, labelOf } from '../../../shared/domain/alerts/display-names';
import type { SentenceInContext } from '../../../shared/domain/documents/sentence-context';
import type { ContradictionView, DeskStats } from '../../../shared/ports/views';
import { type Html, h } from './html';
import { dayOf } from './timeline-chart';

/** A waiting contradiction with each side's sentence in its document (undefined: the document no longer holds it). */
export interface DeskItem {
  contradiction: ContradictionView;
  earlier: SentenceInContext | undefined;
  later: SentenceInContext | undefined;
}

const REASON_LABELS: Record<DismissalReason, string> = {
  'misread-statement': 'a statement is misread',
  'not-same-proposition': 'not the same proposition',
  'not-a-contradiction': 'not a contradiction',
  duplicate: 'a duplicate',
};

function side(label: string, statement: StatementRef, context: SentenceInContext | undefined, contradictionId: string) {
  const origin = [statement.speaker ?? 'narrated by the reporter', statement.source, statement.documentTitle]
    .filter(Boolean)
    .join(' · ');
  return h`<div class="side">
<h4>${label} · ${dayOf(statement.statedAt)} <span class="badge ${statement.polarity}">${statement.polarity}</span></h4>
<blockquote class="in-context">${context?.before ? h`<span class="muted">${context.before} </span>` : null}<mark>${statement.quote}</mark>${
    context?.after ? h`<span class="muted"> ${context.after}</span>` : null
  }</blockquote>
<p class="muted">${origin} · confidence ${statement.confidence.toFixed(2)} · ${statement.statementId}</p>
<form method="post" action="/desk/statements/${encodeURIComponent(statement.statementId)}/reject" class="inline">
<input type="hidden" name="documentId" value="${statement.documentId}">
<input type="hidden" name="contradictionId" value="${contradictionId}">
<button type="submit" class="secondary">Misread: reject this statement</button>
</form>
</div>`;
}

function item({ contradiction, earlier, later }: DeskItem): Html {
  const why = whyPossible(contradiction.earlier, contradiction.later);
  const action = `/desk/contradictions/${encodeURIComponent(contradiction.id)}/verdict`;
  return h`<article class="card evidence" data-testid="review-item" id="${contradiction.id}">
<h3>${displayNameOf(contradiction.actor)} · ${labelOf(contradiction.proposition)} <span class="badge low">possible</span></h3>
<p class="muted">Waiting because ${why ?? 'it was possible when detected'} · detected ${dayOf(contradiction.detectedAt)}</p>
<div class="pair">${side('Earlier', contradiction.earlier, earlier, contradiction.id)}${side('Later', contradiction.later, later, contradiction.id)}</div>
<div class="verdicts">
<form method="post" action="${action}" class="inline">
<input type="hidden" name="verdict" value="confirm">
<input type="text" name="note" maxlength="2000" placeholder="note (optional)" aria-label="note for the confirmation">
<button type="submit" data-testid="confirm">Confirm and alert</button>
</form>
<form method="post" action="${action}" class="inline">
<input type="hidden" name="verdict" value="dismiss">
<select name="reason" aria-label="why dismiss">${DismissalReason.options.map(
    (reason) => h`<option value="${reason}">${REASON_LABELS[reason]}</option>`,
  )}</select>
<input type="text" name="note" maxlength="2000" placeholder="note (optional)" aria-label="note for the dismissal">
<button type="submit" class="secondary" data-testid="dismiss">Dismiss</button>
</form>
</div>
</article>`;
}

function stats(numbers: DeskStats): Html {
  const reviewedAlerts = numbers.confirmed + numbers.dismissed;
  const reasons = Object.entries(numbers.dismissedByReason).sort(([a], [b]) => a.localeCompare(b));
  return h`<section class="card" data-testid="desk-stats" aria-label="the desk's precision">
<h2>The last 30 days</h2>
<table><tbody>
<tr><th>Alerts sent</th><td>${numbers.alertsSent}</td></tr>
<tr><th>Reviewed</th><td>${numbers.reviewed}</td></tr>
<tr><th>Confirmed</th><td>${numbers.confirmed}</td></tr>
<tr><th>Dismissed</th><td>${numbers.dismissed}${
    reasons.length > 0
      ? h` <span class="muted">(${reasons.map(([reason, count]) => `${REASON_LABELS[reason as DismissalReason] ?? reason}: ${count}`).join(', ')})</span>`
      : null
  }</td></tr>
<tr><th>Confirmed of reviewed</th><td>${reviewedAlerts === 0 ? '—' : `${Math.round((100 * numbers.confirmed) / reviewedAlerts)} %`}</td></tr>
</tbody></table>
</section>`;
}

/** `/desk`: the review queue, oldest first, with confirm/dismiss forms that work without script; then the desk's numbers. */
export function deskPage(props: {
  items: readonly DeskItem[];
  more: boolean;
  stats: DeskStats;
  notice?: string;
}): Html {
  return h`<h1>Review queue</h1>
${props.notice ? h`<p class="banner" role="status">${props.notice}</p>` : null}
<p class="muted">Possible contradictions wait here instead of alerting at once (docs/positions.md, “Alert strength”). Confirm one to send its alert; dismiss one and it never alerts.</p>
${props.items.length === 0 ? h`<p class="card" data-testid="queue-empty">Nothing waits for review.</p>` : props.items.map(item)}
${props.more ? h`<p class="muted">Only the oldest are shown; give verdicts to see more, or page through <a href="/review">GET /review</a>.</p>` : null}
${stats(props.stats)}`;
}
