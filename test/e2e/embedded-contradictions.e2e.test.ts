import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_PATH } from '../support/examples';
import { runCli, temporaryDirectory } from '../support/run-cli';

const SEED = fileURLToPath(new URL('../../../shared/seed/zelensky-2025-10-28.txt', import.meta.url));

// Original, fictional follow-ups to the reference article (dated after it, and marked as invented).
const FOLLOW_UPS = [
  {
    id: 'e2e-fiction-1',
    title: 'FICTIONAL: Kyiv signals territorial flexibility',
    source: 'Test Wire (fictional)',
    publishedAt: '2025-12-10',
    text:
      'FICTIONAL SCENARIO written for a test.\n' +
      'President Volodymyr Zelensky said on Wednesday that Ukraine was ready to withdraw from part of the Donetsk region as part of a peace deal.',
  },
  {
    id: 'e2e-fiction-2',
    title: 'FICTIONAL: Minsk accepted as a venue',
    source: 'Test Wire (fictional)',
    publishedAt: '2025-12-12',
    text:
      'FICTIONAL SCENARIO written for a test.\n' +
      'Zelensky said Ukraine was willing to hold the negotiations in Belarus.',
  },
];

interface ContradictionJson {
  id: string;
  strength: 'strong' | 'possible';
  actor: string;
  topic: string;
  proposition: string;
  earlier: { statedAt: string; quote: string; documentId: string };
  later: { statedAt: string; quote: string; documentId: string };
}

const outboxLines = (data: string) =>
  existsSync(join(data, 'outbox.jsonl'))
    ? readFileSync(join(data, 'outbox.jsonl'), 'utf8')
        .split('\n')
        .filter((line) => line.trim().length > 0)
    : [];

describe.runIf(existsSync(SEED))(
  'end to end in embedded mode, with the reference article from ../shared/seed',
  { timeout: 180_000 },
  () => {
    it('holds both flips for review, alerts the confirmed one once and never the dismissed one, and nothing again on re-ingest', async () => {
      const directory = temporaryDirectory();
      const data = join(directory, 'data');
      const feed = join(directory, 'follow-ups.jsonl');
      writeFileSync(feed, FOLLOW_UPS.map((document) => JSON.stringify(document)).join('\n'));

      const reference = await runCli(['ingest', SEED, '--date', '2025-10-28', '--source', 'Reference', '--data', data]);
      expect(reference.code, reference.stderr).toBe(0);
      expect(outboxLines(data)).toHaveLength(0);

      const followUps = await runCli(['ingest', feed, '--data', data, '--json']);
      expect(followUps.code, followUps.stderr).toBe(0);

      const listed = await runCli(['contradictions', '--data', data, '--json']);
      const contradictions = JSON.parse(listed.stdout) as ContradictionJson[];
      const keys = contradictions.map((item) => `${item.actor} ${item.topic} ${item.proposition}`).sort();
      expect(keys).toEqual(['ukraine territory cede-territory', 'ukraine venue venue:belarus']);
      for (const contradiction of contradictions) {
        expect(contradiction.earlier.statedAt.slice(0, 10)).toBe('2025-10-28');
        expect(contradiction.later.documentId).toMatch(/^e2e-fiction-/);
        expect(readFileSync(SEED, 'utf8')).toContain(contradiction.earlier.quote);
      }

      // Both flips rest on reported speech (the reference article reports Zelensky's venue terms
      // without quotation marks, and its territory line is the narrator's): by default they wait
      // for a desk's review, and nothing is alerted yet (docs/positions.md, "Alert strength").
      const strength = Object.fromEntries(contradictions.map((item) => [item.proposition, item.strength]));
      expect(strength).toEqual({ 'venue:belarus': 'possible', 'cede-territory': 'possible' });
      expect(outboxLines(data)).toHaveLength(0);
      const idOf = (proposition: string) => contradictions.find((item) => item.proposition === proposition)?.id ?? '';

      // A desk confirms the venue flip (alerted once, with both quotes) and dismisses the other.
      const confirmed = await runCli(['review', 'confirm', idOf('venue:belarus'), '--note', 'e2e', '--data', data]);
      expect(confirmed.code, confirmed.stderr).toBe(0);
      const dismissed = await runCli([
        'review',
        'dismiss',
        idOf('cede-territory'),
        '--reason',
        'misread-statement',
        '--data',
        data,
      ]);
      expect(dismissed.code, dismissed.stderr).toBe(0);
      const alerts = outboxLines(data).map(
        (line) => JSON.parse(line) as { contradictionId: string; subject: string; body: string },
      );
      expect(alerts.map((alert) => alert.contradictionId)).toEqual([idOf('venue:belarus')]);
      expect(alerts.map((alert) => alert.subject)).toContain('Ukraine contradicts itself on venue');
      const venue = contradictions.find((item) => item.proposition === 'venue:belarus');
      expect(alerts[0]?.body).toContain(venue?.earlier.quote);
      expect(alerts[0]?.body).toContain(venue?.later.quote);

      const again = await runCli(['ingest', SEED, feed, '--date', '2025-10-28', '--data', data, '--json']);
      expect(JSON.parse(again.stdout).summary).toMatchObject({ new: 0, duplicate: 3, contradictions: 0 });
      expect(outboxLines(data)).toHaveLength(alerts.length);
    });
  },
);

describe('end to end in embedded mode, with the bundled examples', { timeout: 180_000 }, () => {
  it('finds the contradictions the example series was written to show: the quoted one alerted at once, the rest waiting for review', async () => {
    const data = join(temporaryDirectory(), 'data');
    const ingested = await runCli(['ingest', EXAMPLES_PATH, '--data', data, '--json']);
    expect(ingested.code, ingested.stderr).toBe(0);
    const { summary } = JSON.parse(ingested.stdout);
    expect(summary.contradictions).toBeGreaterThanOrEqual(2);

    const contradictions = JSON.parse(
      (await runCli(['contradictions', '--data', data, '--json'])).stdout,
    ) as ContradictionJson[];
    expect(contradictions).toHaveLength(summary.contradictions);
    expect(contradictions.every((item) => item.earlier.statedAt < item.later.statedAt)).toBe(true);
    const strong = contradictions.filter((item) => item.strength === 'strong');
    expect(strong.length).toBeGreaterThanOrEqual(1);
    expect(strong.length).toBeLessThan(contradictions.length);
    const alertedIds = () =>
      outboxLines(data).map((line) => (JSON.parse(line) as { contradictionId: string }).contradictionId);
    expect(alertedIds()).toEqual(strong.map((item) => item.id));
    const queue = JSON.parse((await runCli(['review', '--data', data, '--json'])).stdout) as unknown;
    expect(JSON.stringify(queue)).toContain(contradictions.find((item) => item.strength === 'possible')?.id ?? 'none');

    const replayed = await runCli(['replay', '--data', data, '--json']);
    expect(replayed.code, replayed.stderr).toBe(0);
    const afterReplay = JSON.parse((await runCli(['contradictions', '--data', data, '--json'])).stdout);
    expect(afterReplay).toEqual(contradictions);
    expect(alertedIds()).toEqual(strong.map((item) => item.id));
  });
});
