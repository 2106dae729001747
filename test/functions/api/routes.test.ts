import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BODY_BYTES } from '../../../functions/api/app';
import { MAX_RAW_DOCUMENT_BYTES } from '../../../shared/domain/documents/document-limits';
import type { ContradictionView, PositionView, TimelineEntry } from '../../../shared/ports/views';
import { type ApiFixture, bearer, CONTRADICTING_DOCUMENTS, document, ingestAll, startApi } from './api-fixture';

type Json = Record<string, unknown> & { items?: unknown[]; next?: string };

let api: ApiFixture;

const get = async (path: string) => {
  // Projections follow ingest asynchronously (the embedded stream): read once they have caught up.
  await api.store.drain();
  const response = await api.app.request(path, { headers: bearer() });
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
};

const post = async (
  body: BodyInit,
  contentType: string | undefined,
  query = '',
  headers: Record<string, string> = {},
) => {
  const response = await api.app.request(`/documents${query}`, {
    method: 'POST',
    headers: { ...bearer(), ...(contentType ? { 'content-type': contentType } : {}), ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
};

/** Reads a list page by page with `limit`, following `next` until it is absent. */
async function walk(path: string, limit: number): Promise<{ items: unknown[]; pages: number }> {
  const items: unknown[] = [];
  let pages = 0;
  let cursor: string | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await get(`${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    items.push(...(page.body.items ?? []));
    cursor = page.body.next;
    pages++;
    expect(pages).toBeLessThan(100);
  } while (cursor);
  return { items, pages };
}

/** Flips one character of the signed part of a cursor. */
const tamper = (cursor: string) => {
  const [payload = '', mac = ''] = cursor.split('.');
  const flipped = `${payload.slice(0, -1)}${payload.endsWith('A') ? 'B' : 'A'}`;
  return `${flipped}.${mac}`;
};

const expectError = (response: { status: number; body: Json }, status: number, code: string) => {
  expect(response.status).toBe(status);
  expect(response.body.error).toBe(code);
  expect(typeof response.body.message).toBe('string');
  expect(JSON.stringify(response.body)).not.toMatch(/\n\s+at |node_modules|Exception/);
};

beforeAll(async () => {
  api = await startApi();
  await ingestAll(api, [
    ...CONTRADICTING_DOCUMENTS,
    document('doc-jan', '2026-01-10', 'Kyiv said it was never in Minsk that talks would happen.'),
    document('doc-feb', '2026-02-01', 'Zelensky now accepts talks in Minsk. He is ready for a ceasefire.'),
  ]);
});
afterAll(async () => {
  await api.close();
});

describe('POST /documents', () => {
  it('stores a JSON document: 201, a Location, the statements; the same document again: 200 duplicate', async () => {
    const input = document('doc-post', '2025-10-30', 'The US Senate said it wants tougher sanctions.');
    const created = await post(JSON.stringify(input), 'application/json');
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/documents/doc-post');
    expect(created.body).toMatchObject({ documentId: 'doc-post', duplicate: false, publishedAt: '2025-10-30' });
    expect(created.body.statements).toEqual([
      expect.objectContaining({ actor: 'united-states', proposition: 'more-sanctions', polarity: 'support' }),
    ]);

    const again = await post(JSON.stringify(input), 'application/json; charset=utf-8');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ documentId: 'doc-post', duplicate: true });
  });

  it('stores text/plain with the metadata in the query', async () => {
    const created = await post(
      'Washington wants tougher sanctions.',
      'text/plain; charset=utf-8',
      '?publishedAt=2025-11-02&title=Sanctions%20note&source=Wire',
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ duplicate: false, title: 'Sanctions note', publishedAt: '2025-11-02' });
    expect(String(created.body.documentId)).toMatch(/^doc-[0-9a-f]{24}$/);
  });

  it('refuses invalid input with 400 naming the field', async () => {
    const noDate = await post('Some text.', 'text/plain');
    expectError(noDate, 400, 'VALIDATION_FAILED');
    expect(noDate.body.details).toEqual({ issues: [expect.objectContaining({ in: 'query', field: 'publishedAt' })] });

    const badDate = await post(JSON.stringify({ publishedAt: 'yesterday', text: 'x' }), 'application/json');
    expectError(badDate, 400, 'VALIDATION_FAILED');
    expect(badDate.body.details).toEqual({ issues: [expect.objectContaining({ in: 'json', field: 'publishedAt' })] });

    const unknownField = await post(
      JSON.stringify({ publishedAt: '2025-01-01', text: 'x', colour: 'red' }),
      'application/json',
    );
    expectError(unknownField, 400, 'VALIDATION_FAILED');

    expectError(await post('{"publishedAt": ', 'application/json'), 400, 'VALIDATION_FAILED');
    expectError(
      await post(JSON.stringify({ publishedAt: '2025-01-01', text: '   ' }), 'application/json'),
      400,
      'VALIDATION_FAILED',
    );
    const mixed = await post(JSON.stringify(document('doc-x', '2025-01-01', 'x')), 'application/json', '?title=t');
    expectError(mixed, 400, 'VALIDATION_FAILED');
  });

  it('refuses a body over the limit with 413 before reading it, and a text over the document limit with 413', async () => {
    const huge = await post('x'.repeat(MAX_REQUEST_BODY_BYTES + 1), 'text/plain', '?publishedAt=2025-01-01');
    expectError(huge, 413, 'DOCUMENT_TOO_LARGE');
    expect(huge.body.details).toEqual({ limit: MAX_REQUEST_BODY_BYTES });

    const longText = `${'A sentence of text. '.repeat(Math.ceil((MAX_RAW_DOCUMENT_BYTES + 10) / 20))}`;
    const tooLong = await post(longText, 'text/plain', '?publishedAt=2025-01-01');
    expectError(tooLong, 413, 'DOCUMENT_TOO_LARGE');
  });

  it('refuses other media types and non-text bodies with 415', async () => {
    expectError(await post('<doc/>', 'application/xml', '?publishedAt=2025-01-01'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    // A byte body gets no content type from fetch (a string would be labelled text/plain).
    expectError(
      await post(new TextEncoder().encode('text'), undefined, '?publishedAt=2025-01-01'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(await post('a\u0000b', 'text/plain', '?publishedAt=2025-01-01'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(
      await post(new Uint8Array([0x48, 0xc3, 0x28, 0x69]), 'text/plain', '?publishedAt=2025-01-01'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(
      await post('text', 'text/plain; charset=latin1', '?publishedAt=2025-01-01'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('uses the request id as the correlation id of the events it appends', async () => {
    const created = await post(
      JSON.stringify(document('doc-correlated', '2025-10-31', 'Washington wants tougher sanctions again.')),
      'application/json',
      '',
      { 'x-request-id': 'req-12345' },
    );
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toBe('req-12345');
    const events = await get('/events?stream=document%2Fdoc-correlated');
    expect(
      (events.body.items as { correlationId: string }[]).every((event) => event.correlationId === 'req-12345'),
    ).toBe(true);
  });
});

describe('GET /documents/{id}', () => {
  it('returns the stored document, its text and its statements', async () => {
    const found = await get('/documents/doc-oct');
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      documentId: 'doc-oct',
      externalId: 'doc-oct',
      title: 'Title of doc-oct',
      source: 'Test Wire',
      publishedAt: '2025-10-28',
      format: 'text',
      text: 'Zelensky said Ukraine will not cede territory. He is ready for a ceasefire.',
    });
    expect(found.body.statements).toHaveLength(2);
    expect(found.body.statements).toEqual(
      expect.arrayContaining([expect.objectContaining({ proposition: 'cede-territory', retracted: false })]),
    );
  });

  it('404 for an unknown document, 400 for an id that cannot be one', async () => {
    expectError(await get('/documents/doc-never'), 404, 'NOT_FOUND');
    expectError(await get('/documents/%20bad%20id'), 400, 'VALIDATION_FAILED');
  });
});

describe('GET /positions', () => {
  it('lists current positions in a stable order, filtered by actor and topic', async () => {
    const all = await get('/positions');
    expect(all.status).toBe(200);
    expect(all.headers.get('cache-control')).toBe('no-store');
    const items = all.body.items as PositionView[];
    const keys = items.map((position) => `${position.actor}#${position.topic}#${position.proposition}`);
    expect(keys).toEqual([...keys].sort());
    expect(items).toContainEqual(
      expect.objectContaining({ actor: 'ukraine', proposition: 'cede-territory', polarity: 'support' }),
    );

    const ukraine = await get('/positions?actor=ukraine');
    expect((ukraine.body.items as PositionView[]).every((position) => position.actor === 'ukraine')).toBe(true);
    const territory = await get('/positions?topic=territory');
    expect((territory.body.items as PositionView[]).map((position) => position.actor).sort()).toEqual([
      'russia',
      'ukraine',
    ]);
    const both = await get('/positions?actor=russia&topic=territory');
    expect(both.body.items).toHaveLength(1);
    expect((await get('/positions?actor=russia&topic=venue')).body).toEqual({ items: [] });
  });

  it('pages with limit and a signed cursor: the pages together are the whole list, once each', async () => {
    const whole = (await get('/positions')).body.items;
    const paged = await walk('/positions', 2);
    expect(paged.pages).toBeGreaterThan(1);
    expect(paged.items).toEqual(whole);
  });

  it('404 for an unknown actor, with the reason', async () => {
    const unknown = await get('/positions?actor=atlantis');
    expectError(unknown, 404, 'NOT_FOUND');
    expect(unknown.body).toMatchObject({
      message: expect.stringContaining('atlantis'),
      details: { actor: 'atlantis' },
    });
  });

  it('400 for invalid parameters', async () => {
    expectError(await get('/positions?actor=Not%20An%20Id'), 400, 'VALIDATION_FAILED');
    expectError(await get('/positions?limit=0'), 400, 'VALIDATION_FAILED');
    expectError(await get('/positions?limit=101'), 400, 'VALIDATION_FAILED');
    const notNumber = await get('/positions?limit=many');
    expectError(notNumber, 400, 'VALIDATION_FAILED');
    expect(notNumber.body.details).toEqual({ issues: [expect.objectContaining({ in: 'query', field: 'limit' })] });
  });

  it('400 INVALID_CURSOR for a tampered, forged, or foreign cursor', async () => {
    const first = await get('/positions?limit=1');
    const cursor = String(first.body.next);
    expect((await get(`/positions?limit=1&cursor=${encodeURIComponent(cursor)}`)).status).toBe(200);

    expectError(await get(`/positions?limit=1&cursor=${encodeURIComponent(tamper(cursor))}`), 400, 'INVALID_CURSOR');
    expectError(await get('/positions?cursor=not-a-cursor'), 400, 'INVALID_CURSOR');
    const forged = `${Buffer.from(JSON.stringify('anything')).toString('base64url')}.${'A'.repeat(22)}`;
    expectError(await get(`/positions?cursor=${forged}`), 400, 'INVALID_CURSOR');
    // Bound to its filters: the same cursor with another actor is refused.
    expectError(await get(`/positions?actor=ukraine&cursor=${encodeURIComponent(cursor)}`), 400, 'INVALID_CURSOR');
    // And to its list.
    expectError(await get(`/contradictions?cursor=${encodeURIComponent(cursor)}`), 400, 'INVALID_CURSOR');
  });
});

describe('GET /positions/{actor}/{topic}/timeline', () => {
  it('lists the statements by when they were said, either way round', async () => {
    const timeline = await get('/positions/ukraine/territory/timeline');
    expect(timeline.status).toBe(200);
    const entries = timeline.body.items as TimelineEntry[];
    expect(entries.map((entry) => entry.statedAt)).toEqual(['2025-10-28', '2025-12-04']);
    expect(entries.at(-1)).toMatchObject({
      polarity: 'support',
      effect: 'changed',
      contradictionIds: [expect.any(String)],
    });

    const newestFirst = await get('/positions/ukraine/territory/timeline?order=desc');
    expect(newestFirst.body.items).toEqual([...entries].reverse());
  });

  it('pages across the timeline, and refuses a cursor from the other order', async () => {
    const whole = (await get('/positions/ukraine/territory/timeline')).body.items;
    const paged = await walk('/positions/ukraine/territory/timeline', 1);
    expect(paged.items).toEqual(whole);
    // DynamoDB hands out a last key when a page is exactly full: the final page may be empty.
    expect(paged.pages).toBeGreaterThanOrEqual(2);

    const first = await get('/positions/ukraine/territory/timeline?limit=1');
    const cursor = encodeURIComponent(String(first.body.next));
    expectError(await get(`/positions/ukraine/territory/timeline?order=desc&cursor=${cursor}`), 400, 'INVALID_CURSOR');
    expectError(await get(`/positions/ukraine/venue/timeline?cursor=${cursor}`), 400, 'INVALID_CURSOR');
    expectError(
      await get(`/positions/ukraine/territory/timeline?cursor=${encodeURIComponent(tamper(String(first.body.next)))}`),
      400,
      'INVALID_CURSOR',
    );
  });

  it('404 for an unknown actor or a topic the actor never spoke on; 400 for a malformed one', async () => {
    expectError(await get('/positions/atlantis/territory/timeline'), 404, 'NOT_FOUND');
    const topic = await get('/positions/russia/venue/timeline');
    expectError(topic, 404, 'NOT_FOUND');
    expect(topic.body.details).toMatchObject({ topics: ['territory'] });
    expectError(await get('/positions/ukraine/Territory!/timeline'), 400, 'VALIDATION_FAILED');
    expectError(await get('/positions/ukraine/territory/timeline?order=sideways'), 400, 'VALIDATION_FAILED');
  });
});

describe('GET /contradictions', () => {
  it('lists contradictions newest first, with both statements as evidence', async () => {
    const list = await get('/contradictions');
    expect(list.status).toBe(200);
    const items = list.body.items as ContradictionView[];
    expect(items.map((pair) => pair.proposition)).toEqual(['venue:belarus', 'cede-territory']);
    expect(items[1]).toMatchObject({
      actor: 'ukraine',
      topic: 'territory',
      status: 'active',
      earlier: { polarity: 'oppose', statedAt: '2025-10-28', quote: expect.stringContaining('will not cede') },
      later: { polarity: 'support', statedAt: '2025-12-04', source: 'Test Wire' },
    });
  });

  it('filters by actor, topic and since', async () => {
    expect((await get('/contradictions?actor=ukraine&topic=venue')).body.items).toHaveLength(1);
    expect((await get('/contradictions?actor=russia')).body).toEqual({ items: [] });
    expect((await get('/contradictions?since=2026-01-01')).body.items).toHaveLength(1);
    expect((await get('/contradictions?since=2026-03-01T00:00:00Z')).body).toEqual({ items: [] });
    expect((await get('/contradictions?includeWithdrawn=true')).body.items).toHaveLength(2);
  });

  it('pages, refuses tampered cursors, unknown actors and bad dates', async () => {
    const paged = await walk('/contradictions', 1);
    expect(paged.items).toEqual((await get('/contradictions')).body.items);
    const first = await get('/contradictions?limit=1');
    expectError(
      await get(`/contradictions?limit=1&cursor=${encodeURIComponent(tamper(String(first.body.next)))}`),
      400,
      'INVALID_CURSOR',
    );
    expectError(
      await get(`/contradictions?since=2025-01-01&cursor=${encodeURIComponent(String(first.body.next))}`),
      400,
      'INVALID_CURSOR',
    );
    expectError(await get('/contradictions?actor=atlantis'), 404, 'NOT_FOUND');
    expectError(await get('/contradictions?since=last-week'), 400, 'VALIDATION_FAILED');
    expectError(await get('/contradictions?includeWithdrawn=maybe'), 400, 'VALIDATION_FAILED');
  });
});

describe('GET /events', () => {
  it('pages through the global log in commit order, events in version order, each with its commit', async () => {
    const { commits } = await api.store.eventStore.readAll({ limit: 100 });
    const expected = commits.flatMap((commit) => commit.events.map((event) => `${event.streamId}@${event.version}`));
    for (const limit of [1, 3, 7, 100]) {
      const paged = await walk('/events', limit);
      const seen = (paged.items as { streamId: string; version: number; commitId: string }[]).map(
        (event) => `${event.streamId}@${event.version}`,
      );
      expect(seen).toEqual(expected);
    }
    const first = await get('/events?limit=1');
    expect((first.body.items as { commitId?: string }[])[0]?.commitId).toBe(commits[0]?.commitId);
  });

  it('reads one stream in version order, and 404 for a stream with no events', async () => {
    const stream = 'position/ukraine/territory/cede-territory';
    const whole = await get(`/events?stream=${encodeURIComponent(stream)}`);
    expect(whole.status).toBe(200);
    const types = (whole.body.items as { type: string; version: number }[]).map((event) => event.type);
    expect(types).toEqual(expect.arrayContaining(['PositionTaken', 'PositionChanged', 'ContradictionDetected']));
    const paged = await walk(`/events?stream=${encodeURIComponent(stream)}`, 1);
    expect(paged.items).toEqual(whole.body.items);
    expectError(await get('/events?stream=document%2Fnothing'), 404, 'NOT_FOUND');
  });

  it('refuses a tampered cursor and a cursor of another stream', async () => {
    const first = await get('/events?limit=1');
    const cursor = String(first.body.next);
    expectError(await get(`/events?cursor=${encodeURIComponent(tamper(cursor))}`), 400, 'INVALID_CURSOR');
    expectError(
      await get(`/events?stream=document%2Fdoc-oct&cursor=${encodeURIComponent(cursor)}`),
      400,
      'INVALID_CURSOR',
    );
    expectError(await get(`/events?cursor=${'x'.repeat(5000)}`), 400, 'VALIDATION_FAILED');
  });
});

describe('service routes', () => {
  it('GET /health answers without a token', async () => {
    const response = await api.app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('an unknown path is a JSON 404 (for a caller with the token)', async () => {
    expectError(await get('/nowhere'), 404, 'NOT_FOUND');
  });
});

describe('dashboard pages', () => {
  it('render actors, positions and contradictions as HTML with a strict CSP', async () => {
    const home = await api.app.request('/', { headers: bearer() });
    expect(home.status).toBe(200);
    expect(home.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await home.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('href="/actors/ukraine"');
    expect(html).toContain('data-testid="contradiction"');

    const actor = await api.app.request('/actors/ukraine', { headers: bearer() });
    expect(actor.status).toBe(200);
    const page = await actor.text();
    expect(page).toContain('<svg class="chart"');
    expect(page).toContain('class="contra-ring"');
    expect(page).toContain('will not cede territory');
  });

  it('an unknown actor is an HTML 404 page', async () => {
    const response = await api.app.request('/actors/atlantis', { headers: bearer() });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Unknown actor');
  });

  it('the stylesheet is public and cacheable', async () => {
    const response = await api.app.request('/assets/dashboard.css');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/css');
  });
});
