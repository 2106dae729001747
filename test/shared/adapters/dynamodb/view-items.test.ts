import { describe, expect, it } from 'vitest';
import { coalesceWrites, type ItemWrite, toTimelineEntry } from '../../../../shared/adapters/dynamodb/view-items';

const key = { pk: 'actors', sk: 'ukraine' };
const other = { pk: 'actors', sk: 'russia' };

describe('coalesceWrites', () => {
  it('merges consecutive updates of one item: later SETs win, set ADDs accumulate', () => {
    const writes: ItemWrite[] = [
      { op: 'update', key, set: { actor: 'ukraine', a: 1 }, add: { topics: new Set(['territory']) } },
      { op: 'update', key, set: { a: 2 }, add: { topics: new Set(['venue']) } },
      { op: 'update', key, remove: ['b'] },
    ];
    expect(coalesceWrites(writes)).toEqual([
      {
        op: 'update',
        key,
        set: { actor: 'ukraine', a: 2 },
        remove: ['b'],
        add: { topics: new Set(['territory', 'venue']) },
      },
    ]);
  });

  it('keeps apart what would change meaning: conditions, deletes, other items, an attribute touched two ways', () => {
    const conditional: ItemWrite = {
      op: 'update',
      key,
      set: { a: 1 },
      condition: { kind: 'order-key-below', orderKey: 'k' },
    };
    const plain: ItemWrite = { op: 'update', key, set: { a: 2 } };
    expect(coalesceWrites([conditional, plain])).toHaveLength(2);
    expect(coalesceWrites([plain, { op: 'delete', key }])).toHaveLength(2);
    expect(coalesceWrites([plain, { op: 'update', key: other, set: { a: 3 } }])).toHaveLength(2);
    expect(
      coalesceWrites([
        { op: 'update', key, add: { ids: new Set(['x']) } },
        { op: 'update', key, delete: { ids: new Set(['x']) } },
      ]),
    ).toHaveLength(2);
    expect(coalesceWrites([{ op: 'update', key, remove: ['a'] }, plain])).toHaveLength(2);
  });
});

describe('toTimelineEntry: the evidence-only mark as stored and as shown', () => {
  const item = (extra: Record<string, unknown>) => ({
    pk: 'timeline#ukraine#venue',
    sk: '2125-03-02T00:00:00.000Z#d1#0003',
    statementId: 's-1',
    documentId: 'd1',
    sentenceIndex: 3,
    quote: 'Kyiv would meet in Geneva, the minister said.',
    actor: 'ukraine',
    topic: 'venue',
    proposition: 'venue:switzerland',
    polarity: 'support',
    attribution: 'reported',
    confidence: 0.62,
    statedAt: '2125-03-02',
    extractorVersion: 'rules@1.0.0',
    codebookVersion: '1.0.0',
    ...extra,
  });

  it('keeps a low-confidence mark on a statement no position took in', () => {
    expect(toTimelineEntry(item({ evidenceOnly: 'low-confidence' })).evidenceOnly).toBe('low-confidence');
  });

  it('drops it where the position stream applied the statement (projected under a lower threshold, then replayed)', () => {
    const entry = toTimelineEntry(item({ evidenceOnly: 'low-confidence', effect: 'taken' }));
    expect(entry.evidenceOnly).toBeUndefined();
    expect(entry.effect).toBe('taken');
  });

  it('keeps a hearsay mark', () => {
    expect(toTimelineEntry(item({ evidenceOnly: 'hearsay', reportedBy: 'russia' })).evidenceOnly).toBe('hearsay');
  });
});
