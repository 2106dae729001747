import { describe, expect, it } from 'vitest';
import { gapStopsOf, PatternIndex, type TokenView } from '../../../../shared/domain/extraction/matcher';

/**
 * A pattern index tries, at a token, the one-token patterns alone when the next token can continue
 * none of the longer ones (`StartList.candidates`). The matches found, and their order (that in
 * which the patterns were added), must be those of trying every pattern that starts there: pinned
 * here for any later narrowing of the candidates (perf4 tried one per next token, see
 * docs/performance.md).
 */

const options = { inflect: false, gapStops: gapStopsOf([]) };

function index(): PatternIndex<string> {
  const patterns = new PatternIndex<string>();
  // One-token and longer patterns interleaved, a one-token one added after longer ones.
  patterns.add('peace', 'p1', options);
  patterns.add('peace talks', 'p2', options);
  patterns.add('peace', 'p3', options);
  patterns.add('peace deal', 'p4', options);
  patterns.add('peace talks now', 'p5', options);
  // A gap as second element: every pattern of the form is tried.
  patterns.add('truce', 't1', options);
  patterns.add('truce … plan', 't2', options);
  return patterns;
}

const view = (text: string): TokenView => {
  const norm = text.split(' ');
  return { norm, value: norm };
};

const found = (patterns: PatternIndex<string>, text: string, limit?: number) => {
  const tokens = view(text);
  return patterns.matchesAt(tokens, 0, limit ?? tokens.norm.length).map((m) => `${m.payload}:${m.end}`);
};

describe('pattern index candidates and the next token', () => {
  const patterns = index();

  it('finds the same matches, in the order the patterns were added', () => {
    expect(found(patterns, 'peace talks now')).toEqual(['p1:1', 'p2:2', 'p3:1', 'p5:3']);
    expect(found(patterns, 'peace deal')).toEqual(['p1:1', 'p3:1', 'p4:2']);
    expect(found(patterns, 'peace plan')).toEqual(['p1:1', 'p3:1']);
    expect(found(patterns, 'peace')).toEqual(['p1:1', 'p3:1']);
  });

  it('tries only the one-token patterns when the limit cuts the next token off', () => {
    expect(found(patterns, 'peace talks now', 1)).toEqual(['p1:1', 'p3:1']);
  });

  it('tries every pattern of a form whose longer patterns do not start with a plain second word', () => {
    expect(found(patterns, 'truce for a plan')).toEqual(['t1:1', 't2:4']);
    expect(found(patterns, 'truce now')).toEqual(['t1:1']);
  });

  it('takes the longest match, the first added on a tie', () => {
    const tokens = view('peace talks now');
    expect(patterns.longestAt(tokens, 0, 3)?.payload).toBe('p5');
    expect(patterns.longestAt(tokens, 0, 2)?.payload).toBe('p2');
    expect(patterns.longestAt(view('peace plan'), 0, 2)?.payload).toBe('p1');
    expect(patterns.scan(view('peace deal peace'), 0, 3).map((m) => `${m.payload}:${m.start}-${m.end}`)).toEqual([
      'p4:0-2',
      'p1:2-3',
    ]);
  });
});
