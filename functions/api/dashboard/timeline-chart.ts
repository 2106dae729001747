import type { Polarity } from '../../../events/statement';
import type { StatementRef } from '../../../events/statement-ref';
import { labelOf } from '../../../shared/domain/alerts/display-names';
import type { ContradictionView, TimelineEntry } from '../../../shared/ports/views';
import { type Html, h } from './html';

const WIDTH = 600;
const HEIGHT = 180;
const LEFT = 84;
const RIGHT = 20;
const TOP = 16;
const BOTTOM = 30;
const DAY = 86_400_000;
export const PALETTE_SIZE = 8;

const ROWS: readonly Polarity[] = ['support', 'conditional', 'oppose'];

const timeOf = (statedAt: string): number => Date.parse(statedAt.length === 10 ? `${statedAt}T00:00:00Z` : statedAt);
export const dayOf = (statedAt: string): string => new Date(timeOf(statedAt)).toISOString().slice(0, 10);

/** A statement counts toward the position unless it is evidence only, retracted or withdrawn. */
export const counts = (entry: TimelineEntry): boolean =>
  entry.evidenceOnly === undefined && !entry.hearsay && !entry.retracted && !entry.withdrawn;

export interface ChartProps {
  topic: string;
  entries: readonly TimelineEntry[];
  contradictions: readonly ContradictionView[];
  /** Colour class index per proposition (shared with the legend). */
  colours: ReadonlyMap<string, number>;
  /** Anchor of each statement's row in the table under the chart. */
  anchorOf: (statementId: string) => string;
}

function tooltip(entry: Pick<StatementRef, 'statedAt' | 'quote' | 'speaker' | 'source' | 'polarity'>, extra: string) {
  const who = [entry.speaker, entry.source].filter(Boolean).join(', ');
  return `${dayOf(entry.statedAt)} · ${extra} · ${entry.polarity}\n“${entry.quote}”${who ? `\n— ${who}` : ''}`;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * One topic's timeline as SVG: time on x, polarity on y (support, conditional, oppose), a point per
 * statement (hollow for evidence only, faded when retracted) with its quote as a <title> tooltip,
 * a line per proposition through the statements that count, and each contradiction as a red ring
 * on both statements joined by a dashed red line. All text is escaped by the template.
 */
export function timelineChart(props: ChartProps): Html {
  const times = [
    ...props.entries.map((entry) => timeOf(entry.statedAt)),
    ...props.contradictions.flatMap((pair) => [timeOf(pair.earlier.statedAt), timeOf(pair.later.statedAt)]),
  ].filter(Number.isFinite);
  if (times.length === 0) return h`<p class="muted">No statements on this topic yet.</p>`;
  let start = Math.min(...times);
  let end = Math.max(...times);
  if (end - start < 2 * DAY) {
    start -= 3 * DAY;
    end += 3 * DAY;
  }
  const padding = (end - start) * 0.04;
  start -= padding;
  end += padding;
  const xOfTime = (time: number) => round(LEFT + ((time - start) / (end - start)) * (WIDTH - LEFT - RIGHT));
  const x = (statedAt: string) => xOfTime(timeOf(statedAt));
  const rowHeight = (HEIGHT - TOP - BOTTOM) / (ROWS.length - 1);
  const y = (polarity: Polarity) => round(TOP + ROWS.indexOf(polarity) * rowHeight);
  const colour = (proposition: string) => `p${(props.colours.get(proposition) ?? 0) % PALETTE_SIZE}`;

  const rows = ROWS.map(
    (row) => h`<g><line class="axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(row)}" y2="${y(row)}"></line>
<text class="label" x="${LEFT - 8}" y="${y(row) + 4}" text-anchor="end">${row}</text></g>`,
  );
  const ticks = Array.from({ length: 4 }, (_, index) => start + ((end - start) * (index + 0.5)) / 4).map(
    (tick) =>
      h`<text class="label" x="${xOfTime(tick)}" y="${HEIGHT - 8}" text-anchor="middle">${new Date(tick).toISOString().slice(0, 10)}</text>`,
  );

  // A step line per proposition through the statements that count toward the position.
  const byProposition = new Map<string, TimelineEntry[]>();
  for (const entry of props.entries) {
    if (counts(entry)) byProposition.set(entry.proposition, [...(byProposition.get(entry.proposition) ?? []), entry]);
  }
  const steps = [...byProposition.entries()]
    .filter(([, entries]) => entries.length > 1)
    .map(([proposition, entries]) => {
      const points = entries.flatMap((entry, index) => {
        const previous = entries[index - 1];
        const here = `${x(entry.statedAt)},${y(entry.polarity)}`;
        return previous ? [`${x(entry.statedAt)},${y(previous.polarity)}`, here] : [here];
      });
      return h`<polyline class="step ${colour(proposition)}" points="${points.join(' ')}"></polyline>`;
    });

  const links = props.contradictions.map(
    (pair) =>
      h`<line class="contra-link" x1="${x(pair.earlier.statedAt)}" y1="${y(pair.earlier.polarity)}" x2="${x(pair.later.statedAt)}" y2="${y(pair.later.polarity)}"><title>${`contradiction on ${labelOf(pair.proposition)}: ${dayOf(pair.earlier.statedAt)} → ${dayOf(pair.later.statedAt)}`}</title></line>`,
  );

  const contradicted = new Set(
    props.contradictions.flatMap((pair) => [pair.earlier.statementId, pair.later.statementId]),
  );
  const points = props.entries.map((entry) => {
    const cx = x(entry.statedAt);
    const cy = y(entry.polarity);
    const classes = ['pt', colour(entry.proposition)];
    if (!counts(entry)) classes.push('evidence-only');
    if (entry.retracted || entry.withdrawn) classes.push('retracted');
    const notes = [
      labelOf(entry.proposition),
      entry.hearsay ? `hearsay, reported by ${entry.reportedBy}` : undefined,
      entry.evidenceOnly === 'low-confidence' ? 'low confidence' : undefined,
      entry.retracted ? 'retracted' : undefined,
    ].filter(Boolean);
    return h`<a href="#${props.anchorOf(entry.statementId)}" class="point"><title>${tooltip(entry, notes.join(', '))}</title>${
      contradicted.has(entry.statementId) ? h`<circle class="contra-ring" cx="${cx}" cy="${cy}" r="10"></circle>` : null
    }<circle class="${classes.join(' ')}" cx="${cx}" cy="${cy}" r="6" data-statement="${entry.statementId}"></circle></a>`;
  });

  const label = `Timeline of ${labelOf(props.topic)}: ${props.entries.length} statements, ${props.contradictions.length} contradictions`;
  return h`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}" data-testid="chart-${props.topic}">
${rows}${ticks}${steps}${links}${points}
</svg>`;
}
