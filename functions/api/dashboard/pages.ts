import type { StatementRef } from '../../../events/statement-ref';
import { displayNameOf, labelOf } from '../../../shared/domain/alerts/display-names';
import type { ActorView, ContradictionView, PositionView, TimelineEntry } from '../../../shared/ports/views';
import { type Html, h } from './html';
import { counts, dayOf, PALETTE_SIZE, timelineChart } from './timeline-chart';

/** The page around every dashboard view. `canLogOut`: show the log-out button (a login cookie is in use). */
export function layout(props: { title: string; canLogOut: boolean; body: Html }): Html {
  return h`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${props.title} · stancewatch</title>
<link rel="stylesheet" href="/assets/dashboard.css">
</head>
<body>
<header class="top">
<a class="brand" href="/">stancewatch</a>
<nav><a href="/">Actors</a><a href="/desk">Review</a><a href="/docs">API</a>${
    props.canLogOut ? h`<form method="post" action="/logout"><button type="submit">Log out</button></form>` : null
  }</nav>
</header>
<main>${props.body}</main>
</body>
</html>`;
}

const actorHref = (actor: string) => `/actors/${encodeURIComponent(actor)}`;

/** "venue:belarus" under venue reads "venue: belarus"; "cede-territory" under territory reads "territory: cede territory". */
const propositionLabel = (topic: string, proposition: string) =>
  proposition.startsWith(`${topic}:`) ? labelOf(proposition) : `${labelOf(topic)}: ${labelOf(proposition)}`;

const polarity = (value: string) => h`<span class="badge ${value}">${value}</span>`;

function source(statement: Pick<StatementRef, 'source' | 'documentTitle' | 'speaker' | 'documentId'>) {
  const parts = [statement.speaker, statement.source, statement.documentTitle].filter(Boolean);
  return h`<span class="muted">${parts.length > 0 ? parts.join(' · ') : statement.documentId}</span>`;
}

/** A contradiction as evidence: both quotes with their dates and sources, side by side (stacked on a phone). */
function evidence(pair: ContradictionView, showActor: boolean): Html {
  const side = (label: string, statement: StatementRef) => h`<div class="side">
<h4>${label} · ${dayOf(statement.statedAt)} ${polarity(statement.polarity)}</h4>
<blockquote>${statement.quote}</blockquote>
${source(statement)}
</div>`;
  return h`<article class="card evidence" data-testid="contradiction">
<h3>${showActor ? h`<a href="${actorHref(pair.actor)}">${displayNameOf(pair.actor)}</a> · ` : null}${propositionLabel(pair.topic, pair.proposition)} <span class="badge ${pair.severity}">${pair.severity}</span></h3>
<div class="pair">${side('Earlier', pair.earlier)}${side('Later', pair.later)}</div>
<p class="muted">detected ${pair.detectedAt.slice(0, 10)}${pair.alert ? ` · alert sent via ${pair.alert.channel}` : ''}${
    pair.status === 'withdrawn' ? ' · withdrawn after re-extraction' : ''
  }</p>
</article>`;
}

export interface HomeProps {
  actors: readonly ActorView[];
  positions: ReadonlyMap<string, readonly PositionView[]>;
  contradictions: readonly ContradictionView[];
  /** Some actor has more positions than its card shows. */
  truncated: boolean;
  /** Link to the next page of actors, when there is one. */
  nextHref?: string;
}

/** `/`: a page of actors with their current positions, then the latest contradictions. */
export function homePage(props: HomeProps): Html {
  const cards = props.actors.map((actor) => {
    const positions = props.positions.get(actor.actor) ?? [];
    return h`<article class="card" data-testid="actor">
<h2><a href="${actorHref(actor.actor)}">${displayNameOf(actor.actor)}</a></h2>
<p class="muted">${actor.topics.map(labelOf).join(', ')}</p>
<ul class="plain">${positions.map(
      (position) =>
        h`<li>${polarity(position.polarity)} ${labelOf(position.proposition)} <span class="muted">(${dayOf(position.statement.statedAt)})</span></li>`,
    )}</ul>
</article>`;
  });
  return h`<h1>Actors and their positions</h1>
${
  props.actors.length === 0
    ? h`<p class="card">Nothing ingested yet. Send documents with <code>npx stancewatch ingest FILE --date YYYY-MM-DD</code> or <code>POST /documents</code> (see <a href="/docs">the API</a>).</p>`
    : null
}
<section class="grid" aria-label="actors">${cards}</section>
${props.nextHref ? h`<p><a href="${props.nextHref}" rel="next" data-testid="more-actors">More actors →</a></p>` : null}
${props.truncated ? h`<p class="muted">Only the first positions of each actor are shown; its page has them all.</p>` : null}
<h2>Recent contradictions</h2>
${props.contradictions.length === 0 ? h`<p class="muted">None so far.</p>` : null}
${props.contradictions.map((pair) => evidence(pair, true))}`;
}

export interface TopicSection {
  topic: string;
  positions: readonly PositionView[];
  entries: readonly TimelineEntry[];
  contradictions: readonly ContradictionView[];
}

export interface ActorProps {
  actor: ActorView;
  topics: readonly TopicSection[];
  truncated: boolean;
}

function statementNote(entry: TimelineEntry): string | undefined {
  if (counts(entry)) return undefined;
  if (entry.retracted) return 'retracted';
  if (entry.withdrawn) return 'withdrawn';
  if (entry.hearsay) return `hearsay (reported by ${displayNameOf(entry.reportedBy ?? '')})`;
  return 'low confidence';
}

function topicSection(section: TopicSection, topicIndex: number): Html {
  const propositions = [
    ...new Set([
      ...section.positions.map((position) => position.proposition),
      ...section.entries.map((entry) => entry.proposition),
    ]),
  ].sort();
  const colours = new Map(propositions.map((proposition, index) => [proposition, index]));
  const anchors = new Map(section.entries.map((entry, index) => [entry.statementId, `t${topicIndex}-s${index}`]));
  const anchorOf = (statementId: string) => anchors.get(statementId) ?? `t${topicIndex}`;
  const legend = propositions.map(
    (proposition) =>
      h`<span><svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><circle class="p${(colours.get(proposition) ?? 0) % PALETTE_SIZE}" cx="6" cy="6" r="5"></circle></svg>${labelOf(proposition)}</span>`,
  );
  const rows = section.entries.map((entry) => {
    const note = statementNote(entry);
    return h`<tr id="${anchorOf(entry.statementId)}">
<td>${dayOf(entry.statedAt)}</td>
<td>${polarity(entry.polarity)} ${labelOf(entry.proposition)}${note ? h`<div class="muted">${note}</div>` : null}</td>
<td><blockquote>${entry.quote}</blockquote>${source(entry)}</td>
</tr>`;
  });
  return h`<section id="t${topicIndex}" data-testid="topic-${section.topic}">
<h2>${labelOf(section.topic)}</h2>
<ul class="plain">${section.positions.map(
    (position) =>
      h`<li>Now: ${polarity(position.polarity)} ${labelOf(position.proposition)} <span class="muted">since ${dayOf(position.statement.statedAt)}</span></li>`,
  )}</ul>
<div class="chart-wrap">${timelineChart({ topic: section.topic, entries: section.entries, contradictions: section.contradictions, colours, anchorOf })}</div>
<div class="legend">${legend}</div>
${section.contradictions.length > 0 ? h`<h3>Contradictions</h3>` : null}
${section.contradictions.map((pair) => evidence(pair, false))}
<details>
<summary>All ${section.entries.length} statement(s)</summary>
<table class="statements"><thead><tr><th>Said</th><th>Stance</th><th>Quote</th></tr></thead>
<tbody>${rows}</tbody></table>
</details>
</section>`;
}

/** `/actors/{id}`: per topic, the current positions, the timeline chart, the evidence pairs and every statement. */
export function actorPage(props: ActorProps): Html {
  const total = props.topics.reduce((sum, topic) => sum + topic.contradictions.length, 0);
  return h`<h1>${displayNameOf(props.actor.actor)}</h1>
<p class="muted">${props.topics.length} topic(s) · ${total} contradiction(s) · <a href="/positions?actor=${encodeURIComponent(props.actor.actor)}">JSON</a></p>
<p class="muted">Each chart: time across, stance up and down; a point per statement (its quote on hover, details in the list below), hollow when it is evidence only (hearsay, low confidence), a red ring and dashed line for a contradiction.</p>
${props.topics.map(topicSection)}
${props.truncated ? h`<p class="muted">Long timelines are cut for the page; the API has them all.</p>` : null}`;
}

export function loginPage(props: { next: string; failed: boolean }): Html {
  return h`<h1>Log in</h1>
<form class="login card" method="post" action="/login">
<label for="token">API token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<input type="hidden" name="next" value="${props.next}">
${props.failed ? h`<p class="error">That token is not valid.</p>` : null}
<p class="muted">Embedded mode: <code>npx stancewatch token</code> prints it. The token is kept in an HttpOnly cookie for this site only.</p>
<button type="submit">Log in</button>
</form>`;
}

export function errorPage(props: { title: string; message: string; requestId?: string }): Html {
  return h`<h1>${props.title}</h1>
<p class="card">${props.message}</p>
${props.requestId ? h`<p class="muted">request id ${props.requestId}</p>` : null}
<p><a href="/">Back to the actors</a></p>`;
}
