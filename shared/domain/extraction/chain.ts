import type { Item } from './stages/items';

/**
 * The polarity arithmetic shared by triggers and venues: along the tokens between a holder and
 * what it takes a stance on, each oppose cue and each negator flips the sign ("does not want to
 * lift sanctions" = − × + × − = support); a conditional cue marks the stance conditional.
 */

export interface Chain {
  sign: number;
  conditional: boolean;
  hasCue: boolean;
}

export function chainOf(
  items: readonly Item[],
  from: number,
  to: number,
  /** When given, only the items inside one of these [from, to] ranges count. */
  ranges?: ReadonlyArray<readonly [number, number]>,
): Chain {
  const chain: Chain = { sign: 1, conditional: false, hasCue: false };
  for (const item of items) {
    if (item.start < from || item.end > to) continue;
    if (ranges !== undefined && !withinRanges(ranges, item)) continue;
    if (item.kind === 'cue') {
      chain.hasCue = true;
      if (item.polarity === 'conditional') chain.conditional = true;
      else if (item.polarity === 'oppose') chain.sign *= -1;
    } else if (item.kind === 'negator') {
      chain.sign *= -1;
    }
  }
  return chain;
}

function withinRanges(ranges: ReadonlyArray<readonly [number, number]>, item: Item): boolean {
  for (const [from, to] of ranges) if (item.start >= from && item.end <= to) return true;
  return false;
}

/** A modal or negator in [from, to): enough to carry a stance on a verb ("will not withdraw"). */
export function hasModalOrNegator(items: readonly Item[], from: number, to: number): boolean {
  for (const item of items) {
    if ((item.kind === 'modal' || item.kind === 'negator') && item.start >= from && item.end <= to) return true;
  }
  return false;
}

/** A modal or negator right before position `at` governs what starts there: "will not withdraw", "no concessions". */
export function governingItem(items: readonly Item[], at: number, from: number): Item | undefined {
  for (const item of items) {
    if (
      (item.kind === 'modal' || item.kind === 'negator') &&
      item.start >= from &&
      item.end <= at &&
      at - item.end <= 1
    ) {
      return item;
    }
  }
  return undefined;
}
