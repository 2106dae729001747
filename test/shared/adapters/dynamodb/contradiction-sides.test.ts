import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { itemWritesOf, toContradictionView } from '../../../../shared/adapters/dynamodb/view-items';
import { itemSizeOf } from '../../../support/capacity-meter';
import { contradictionUpdate } from '../../../support/view-update-factory';

/** The attributes the contradiction update sets on its item. */
function contradictionItem(): Record<string, unknown> {
  const update = contradictionUpdate('ctr-sides', { actor: 'ukraine' });
  const write = itemWritesOf(update).find((candidate) => candidate.key.pk === 'contradiction#ctr-sides');
  if (write?.op !== 'update') throw new Error('no contradiction item write');
  return { ...write.key, ...write.set };
}

describe('contradiction items: both statements in one compressed attribute', () => {
  it('stores the statements as sidesZ1, reads them back as they were, and fits in one write unit', () => {
    const item = contradictionItem();
    expect(item.sidesZ1).toBeInstanceOf(Uint8Array);
    expect(item).not.toHaveProperty('earlier');
    const view = toContradictionView(item);
    const update = contradictionUpdate('ctr-sides', { actor: 'ukraine' });
    if (update.kind !== 'contradiction') throw new Error('not a contradiction update');
    expect(view.earlier).toEqual(update.contradiction.earlier);
    expect(view.later).toEqual(update.contradiction.later);
    expect(itemSizeOf(marshall(item, { removeUndefinedValues: true }))).toBeLessThanOrEqual(1024);
  });

  it('still reads an item stored before, with the two statements as maps', () => {
    const { sidesZ1: _compressed, ...rest } = contradictionItem();
    const compressedView = toContradictionView(contradictionItem());
    const old = { ...rest, earlier: compressedView.earlier, later: compressedView.later };
    expect(toContradictionView(old)).toEqual(compressedView);
  });
});
