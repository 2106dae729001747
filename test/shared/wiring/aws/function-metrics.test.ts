import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countPositionEvents, countPublishedAlerts, countTimelineEffects } from '../../../../shared/wiring/aws/common';

/** The EMF lines Powertools writes to stdout while `run` runs. */
function emfLinesOf(run: () => void): Record<string, unknown>[] {
  const written: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    run();
  } finally {
    write.mockRestore();
  }
  return written
    .join('')
    .split('\n')
    .filter((line) => line.includes('CloudWatchMetrics'))
    .map((line) => JSON.parse(line));
}

const metrics = () => new Metrics({ namespace: 'stancewatch-test', serviceName: 'stancewatch-test' });

afterEach(() => vi.restoreAllMocks());

describe('the functions’ product metrics', () => {
  it('counts contradictions and position changes per commit, and writes nothing for a commit with neither', () => {
    const count = countPositionEvents(metrics());
    const lines = emfLinesOf(() => {
      count(['PositionChanged', 'ContradictionDetected', 'ContradictionDetected']);
      count(['PositionTaken', 'StatementReaffirmed']);
    });
    // A single-metric line per metric, both from the first commit; none from the second.
    expect(lines).toHaveLength(2);
    expect(Object.assign({}, ...lines)).toMatchObject({ ContradictionsDetected: 2, PositionsChanged: 1 });
  });

  it('sums timeline effects skipped and written again, and writes them once enough events were seen', () => {
    const count = countTimelineEffects(metrics(), 5);
    const lines = emfLinesOf(() => {
      count({ skipped: 2, writtenAgain: 0 });
      count({ skipped: 1, writtenAgain: 1 });
      count({ skipped: 0, writtenAgain: 2 });
      count({ skipped: 1, writtenAgain: 0 });
    });
    // One line per metric once 6 events were seen (≥ 5); the last event waits for the next line.
    expect(lines).toHaveLength(2);
    expect(Object.assign({}, ...lines)).toMatchObject({ TimelineEffectsSkipped: 3, TimelineEffectsWrittenAgain: 3 });
  });

  it('counts only alerts actually published', () => {
    const count = countPublishedAlerts(metrics());
    const lines = emfLinesOf(() => {
      for (const status of ['published', 'already-published', 'queued-for-review', 'dismissed', 'published']) {
        count(status);
      }
    });
    expect(lines.map((line) => line.AlertsPublished)).toEqual([1, 1]);
  });
});
