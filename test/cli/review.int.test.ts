import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';

/** Kyiv rules Minsk out in its own words, then aides are reported open to it: a possible contradiction. */
const FEED = [
  { id: 'june', publishedAt: '2025-10-28', text: 'Zelensky said Ukraine would never hold talks in Minsk.' },
  {
    id: 'december',
    publishedAt: '2025-12-01',
    text: 'Aides said Kyiv was open to talks in Minsk, according to a report.',
  },
];

describe('stancewatch review', { timeout: 120_000 }, () => {
  it('lists the queue, refuses a bad reason, records a labelled dismissal once, and counts it', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'stancewatch-review-cli-'));
    const data = join(directory, 'data');
    const feed = join(directory, 'feed.jsonl');
    writeFileSync(feed, FEED.map((line) => JSON.stringify(line)).join('\n'));
    expect((await runCli(['ingest', feed, '--data', data])).code).toBe(0);

    const listed = await runCli(['review', '--data', data, '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const queue = JSON.parse(listed.stdout) as Array<{ id: string; strength: string; later: { documentId: string } }>;
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ strength: 'possible', later: { documentId: 'december' } });
    const id = queue[0]!.id;

    const bad = await runCli(['review', 'dismiss', id, '--reason', 'boring', '--data', data]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--reason must be one of misread-statement/);
    const unknown = await runCli(['review', 'confirm', 'ctr-000000000000000000000000', '--data', data]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no contradiction/);

    const token = await runCli(['token', '--label', 'alice', '--data', data, '--json']);
    expect(JSON.parse(token.stdout)).toMatchObject({ label: 'alice' });
    const dismissed = await runCli([
      'review',
      'dismiss',
      id,
      '--reason',
      'misread-statement',
      '--as',
      'alice',
      '--data',
      data,
      '--json',
    ]);
    expect(dismissed.code, dismissed.stderr).toBe(0);
    expect(JSON.parse(dismissed.stdout)).toMatchObject({ recorded: true, contradiction: { verdict: { by: 'alice' } } });
    const again = await runCli(['review', 'dismiss', id, '--reason', 'misread-statement', '--data', data, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ recorded: false });

    expect(JSON.parse((await runCli(['review', '--data', data, '--json'])).stdout)).toEqual([]);
    const stats = JSON.parse((await runCli(['review', 'stats', '--data', data, '--json'])).stdout);
    expect(stats).toMatchObject({
      alertsSent: 0,
      reviewed: 1,
      dismissed: 1,
      dismissedByReason: { 'misread-statement': 1 },
    });
  });
});
