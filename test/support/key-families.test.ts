import { describe, expect, it } from 'vitest';
import { keyFamilies } from './key-families';

const vocabulary = {
  actors: new Set(['ukraine', 'russia', 'european-union']),
  topics: new Set(['ceasefire', 'sanctions']),
  propositions: new Set(['ceasefire', 'sanctions', 'cede-territory']),
};

describe('key families (bench/partitions.bench.ts)', () => {
  it('replaces ids by placeholders named by their shape, and keeps plain literals', () => {
    const families = keyFamilies(
      [
        'positions',
        'actors',
        'timeline#ukraine#ceasefire',
        'timeline#russia#sanctions',
        'contradictions#2025-01',
        'shifts#2025-01-06',
        'all#0',
        'all#13',
        'all',
        'document/doc-1',
        'document/doc-2',
        'position/ukraine/ceasefire/ceasefire',
        'position/european-union/sanctions/sanctions:russia',
        'unique/content/0123456789abcdef0123',
        'alert/ctr-1',
        'alert/ctr-2',
        'snapshot/position/russia/sanctions/sanctions:russia',
      ],
      vocabulary,
    );
    expect(Object.fromEntries(families)).toEqual({
      positions: 'positions',
      actors: 'actors',
      'timeline#ukraine#ceasefire': 'timeline#<actor>#<topic>',
      'timeline#russia#sanctions': 'timeline#<actor>#<topic>',
      'contradictions#2025-01': 'contradictions#<month>',
      'shifts#2025-01-06': 'shifts#<day>',
      'all#0': 'all#<n>',
      'all#13': 'all#<n>',
      all: 'all',
      'document/doc-1': 'document/<id>',
      'document/doc-2': 'document/<id>',
      'position/ukraine/ceasefire/ceasefire': 'position/<actor>/<topic>/<proposition>',
      'position/european-union/sanctions/sanctions:russia': 'position/<actor>/<topic>/<proposition>',
      'unique/content/0123456789abcdef0123': 'unique/content/<hash>',
      'alert/ctr-1': 'alert/<id>',
      'alert/ctr-2': 'alert/<id>',
      'snapshot/position/russia/sanctions/sanctions:russia': 'snapshot/position/<actor>/<topic>/<proposition>',
    });
  });

  it('groups a layout it has never seen (a per-actor list) by what its keys have in common', () => {
    const families = keyFamilies(['positions#ukraine', 'positions#russia', 'desk#x1', 'desk#x2'], vocabulary);
    expect(families.get('positions#russia')).toBe('positions#<actor>');
    expect(families.get('desk#x1')).toBe('desk#<id>');
  });
});
