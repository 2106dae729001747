import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { StatementRef } from '../../../events/statement-ref';
import { COMMIT_DICTIONARY_1 } from './commit-dictionary';

/** Both statements of a contradiction, as its views item stores them. */
export interface ContradictionSides {
  earlier: StatementRef;
  later: StatementRef;
}

/**
 * A contradiction's two statements as one binary attribute (`sidesZ1`): JSON deflated with the
 * commit items' frozen dictionary, whose statement shapes are the same. As two maps the item is
 * about 1.3 KB, two write units for its creation and again for its alert or verdict (an update
 * is charged on the larger of the item before and after); compressed it fits in one.
 */
export function encodeSides(sides: ContradictionSides): Uint8Array {
  return deflateRawSync(JSON.stringify([sides.earlier, sides.later]), { level: 9, dictionary: COMMIT_DICTIONARY_1 });
}

/** The statements of a contradiction item, whether stored compressed or (before `sidesZ1`) as two maps. */
export function sidesOf(item: Record<string, unknown>): ContradictionSides {
  if (item.sidesZ1 instanceof Uint8Array) {
    const [earlier, later] = JSON.parse(
      inflateRawSync(item.sidesZ1, { dictionary: COMMIT_DICTIONARY_1 }).toString('utf8'),
    ) as [StatementRef, StatementRef];
    return { earlier, later };
  }
  return { earlier: item.earlier as StatementRef, later: item.later as StatementRef };
}
