import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/api/app';
import type { IngestDependencies } from '../../../shared/application/ingest-document';
import { orderKeyOf } from '../../../shared/domain/positions/ordering';
import { toStatementRef } from '../../../shared/domain/positions/rules';
import type { ViewUpdate } from '../../../shared/domain/positions/view-updates';
import type { EventStore } from '../../../shared/ports/event-store';
import type { PositionQuery } from '../../../shared/ports/views';
import { MemoryViewStore } from '../../support/memory-view-store';
import { aStatement } from '../../support/statement-factory';
import { bearer, TEST_TOKEN } from './api-fixture';

/**
 * The dashboard home shows actors a page at a time, each with its first positions, so one view
 * reads a bounded amount whatever the store holds (it read up to 500 actors and 2,000 positions).
 */
const ACTORS = Array.from({ length: 30 }, (_, index) => `actor-${String(index).padStart(2, '0')}`);
const views = new MemoryViewStore();
const positionReads: PositionQuery[] = [];

beforeAll(async () => {
  const updates: ViewUpdate[] = ACTORS.flatMap((actor) => {
    const statement = aStatement({
      actor,
      topic: 'territory',
      proposition: 'cede-territory',
      documentId: `d-${actor}`,
    });
    return [
      { kind: 'actor-topic', actor, topic: 'territory' },
      {
        kind: 'position-offer',
        actor,
        topic: 'territory',
        proposition: 'cede-territory',
        orderKey: orderKeyOf(statement),
        statement: toStatementRef(statement),
        effect: 'taken',
      },
    ];
  });
  await views.apply(updates);
  const listPositions = views.listPositions.bind(views);
  views.listPositions = (query) => {
    positionReads.push(query ?? {});
    return listPositions(query);
  };
});

function app() {
  const never = async (): Promise<never> => {
    throw new Error('not used');
  };
  const eventStore = {
    appendToStream: never,
    readStream: never,
    readStreamPage: never,
    readAll: never,
  } satisfies EventStore;
  return createApp({
    ingest: { eventStore } as unknown as IngestDependencies,
    eventStore,
    views,
    auth: { token: TEST_TOKEN, publicRead: false },
  });
}

const actorCards = (html: string) => [...html.matchAll(/href="\/actors\/(actor-\d+)"/g)].map((match) => match[1]);

describe('dashboard home paging', () => {
  it('shows a page of actors with their positions and links to the next page, reading per actor', async () => {
    const api = app();
    positionReads.length = 0;
    const first = await (await api.request('/', { headers: bearer() })).text();
    expect(actorCards(first)).toEqual(ACTORS.slice(0, 24));
    // Each card's positions come from that actor's key range, a bounded page each.
    expect(positionReads.every((query) => query.actor !== undefined && (query.limit ?? 0) <= 30)).toBe(true);
    expect(positionReads).toHaveLength(24);
    const next = /href="([^"]+)" rel="next"/.exec(first)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toMatch(/^\/\?cursor=/);

    const second = await api.request(next ?? '', { headers: bearer() });
    expect(second.status).toBe(200);
    const html = await second.text();
    expect(actorCards(html)).toEqual(ACTORS.slice(24));
    expect(html).not.toContain('rel="next"');
  });

  it('answers a tampered page link with an HTML 400', async () => {
    const response = await app().request('/?cursor=not-a-cursor', { headers: bearer() });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
  });
});
