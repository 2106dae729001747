import { describe, expect, it } from 'vitest';
import { coalesceWrites, type ItemWrite } from '../../../../shared/adapters/dynamodb/view-items';

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
