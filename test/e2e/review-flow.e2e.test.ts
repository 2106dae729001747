import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app';
import { DataFolder } from '../../shared/adapters/embedded/data-folder';
import { reextractDocuments } from '../../shared/application/reextract-documents';
import { openStancewatch, type Stancewatch } from '../../shared/wiring/embedded';
import { type StubRule, stubExtractor } from '../support/memory-pipeline';

const OWNER = 'sw_owner-token-for-the-review-e2e-0123456789';
const ALICE = 'sw_alice-token-for-the-review-e2e-0123456789';
const as = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

/** Confident readings of Kyiv's words, and doubtful ones (confidence 0.66 < the strength policy's 0.75). */
const rules = (doubtful: number): StubRule[] => [
  { phrase: 'never in Minsk', actor: 'ukraine', topic: 'venue', proposition: 'venue:belarus', polarity: 'oppose' },
  {
    phrase: 'talks in Minsk',
    actor: 'ukraine',
    topic: 'venue',
    proposition: 'venue:belarus',
    polarity: 'support',
    confidence: doubtful,
  },
  { phrase: 'will not cede', actor: 'ukraine', topic: 'territory', proposition: 'cede-territory', polarity: 'oppose' },
  {
    phrase: 'could give up Donetsk',
    actor: 'ukraine',
    topic: 'territory',
    proposition: 'cede-territory',
    polarity: 'support',
    confidence: doubtful,
  },
];

const documents = {
  juneVenue: {
    id: 'june-venue',
    publishedAt: '2026-06-01',
    text: 'The minister said talks could happen, but never in Minsk.',
  },
  octoberVenue: { id: 'october-venue', publishedAt: '2026-10-01', text: 'Aides hinted at talks in Minsk.' },
  juneLand: { id: 'june-land', publishedAt: '2026-06-02', text: 'The president said Kyiv will not cede an inch.' },
  octoberLand: { id: 'october-land', publishedAt: '2026-10-02', text: 'A report said Kyiv could give up Donetsk.' },
};

let store: Stancewatch | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const outbox = (folder: DataFolder) =>
  existsSync(folder.outbox)
    ? readFileSync(folder.outbox, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as { contradictionId: string })
    : [];

describe('the review flow through the HTTP API, to the alert outbox', { timeout: 120_000 }, () => {
  it('a dismissed contradiction never alerts (re-ingest, reextract); a confirmed one alerts exactly once', async () => {
    const folder = new DataFolder(join(mkdtempSync(join(tmpdir(), 'stancewatch-review-')), 'data'));
    store = await openStancewatch({ folder, extractor: stubExtractor('1', rules(0.66)) });
    const opened = store;
    const app = createApp({
      ingest: opened,
      eventStore: opened.eventStore,
      views: opened.views,
      auth: { token: OWNER, publicRead: false, labelledTokens: { alice: ALICE } },
      logError: () => {},
    });
    const post = async (path: string, body: unknown, token = OWNER) => {
      const response = await app.request(path, { method: 'POST', headers: as(token), body: JSON.stringify(body) });
      await opened.drain();
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const get = async (path: string) => {
      const response = await app.request(path, { headers: as(OWNER) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    for (const document of Object.values(documents)) expect((await post('/documents', document)).status).toBe(201);
    const queue = (await get('/review')).body.items as Array<{ id: string; proposition: string; strength: string }>;
    expect(queue.map((item) => [item.proposition, item.strength])).toEqual([
      ['venue:belarus', 'possible'],
      ['cede-territory', 'possible'],
    ]);
    expect(outbox(folder)).toEqual([]);
    const [venue, land] = queue as [(typeof queue)[number], (typeof queue)[number]];

    // Alice dismisses the venue contradiction: a misreading.
    const dismissed = await post(
      `/contradictions/${venue.id}/verdict`,
      { verdict: 'dismiss', reason: 'misread-statement' },
      ALICE,
    );
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({
      recorded: true,
      contradiction: { verdict: { kind: 'dismissed', by: 'alice' } },
    });

    // The same article again, then a better extractor that reads it confidently: still nothing sent.
    expect((await post('/documents', documents.octoberVenue)).status).toBe(200);
    await reextractDocuments({
      ...opened,
      extractor: stubExtractor('2', rules(0.66).slice(0, 1).concat(rules(0.66).slice(2))),
    });
    await opened.drain();
    await reextractDocuments({ ...opened, extractor: stubExtractor('3', rules(0.95)) });
    await opened.drain();
    expect((await get(`/contradictions?includeWithdrawn=true`)).body.items).toContainEqual(
      expect.objectContaining({ id: venue.id, strength: 'strong', status: 'active' }),
    );
    expect(outbox(folder)).toEqual([]);

    // The owner confirms the territory contradiction: one alert, and only one.
    expect(
      (await post(`/contradictions/${land.id}/verdict`, { verdict: 'confirm', note: 'checked' })).body,
    ).toMatchObject({
      recorded: true,
    });
    expect((await post(`/contradictions/${land.id}/verdict`, { verdict: 'confirm' })).body).toMatchObject({
      recorded: false,
    });
    expect(outbox(folder).map((line) => line.contradictionId)).toEqual([land.id]);
    expect((await get('/review')).body.items).toEqual([]);

    expect((await get('/stats')).body).toMatchObject({ alertsSent: 1, reviewed: 2, confirmed: 1, dismissed: 1 });
  });

  it('answers bad verdicts with a 4xx and a JSON reason, writing nothing', async () => {
    store = await openStancewatch({ extractor: stubExtractor('1', rules(0.66)) });
    const opened = store;
    const app = createApp({
      ingest: opened,
      eventStore: opened.eventStore,
      views: opened.views,
      auth: { token: OWNER, publicRead: false },
      logError: () => {},
    });
    const before = (await opened.eventStore.readAll({ limit: 100 })).commits.length;
    const attempt = (path: string, body: string, headers: Record<string, string> = as(OWNER)) =>
      app.request(path, { method: 'POST', headers, body });
    const unknown = await attempt('/contradictions/ctr-000000000000000000000000/verdict', '{"verdict":"confirm"}');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'NOT_FOUND' });
    const noReason = await attempt('/contradictions/ctr-000000000000000000000000/verdict', '{"verdict":"dismiss"}');
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ error: 'VALIDATION_FAILED' });
    expect((await attempt('/contradictions/not-an-id/verdict', '{"verdict":"confirm"}')).status).toBe(400);
    expect((await attempt('/contradictions/ctr-000000000000000000000000/verdict', '{"verdict":')).status).toBe(400);
    expect((await attempt('/statements/st-1/reject', '{"documentId":"nope"}')).status).toBe(404);
    expect((await attempt('/statements/st-1/reject', '{}')).status).toBe(400);
    const anonymous = await attempt('/contradictions/ctr-000000000000000000000000/verdict', '{"verdict":"confirm"}', {
      'content-type': 'application/json',
    });
    expect(anonymous.status).toBe(401);
    expect((await opened.eventStore.readAll({ limit: 100 })).commits.length).toBe(before);
  });
});
