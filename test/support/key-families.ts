/**
 * Families of partition key values, for bench/partitions.bench.ts: `timeline#ukraine#ceasefire`
 * and `timeline#russia#sanctions` are both `timeline#<actor>#<topic>`. Derived from the keys
 * themselves (no list of the tables' key layouts), so a new key layout is grouped as it comes.
 *
 * A key is cut at `/` and `#`. Keys with the same first segment and the same separators form a
 * group; in each group a segment becomes a placeholder when its values have a recognisable shape
 * (a day, a month, a number, a ULID, a hex hash, a codebook actor, topic or proposition) or,
 * failing that, when it varies within the group (`<id>`); a segment with one plain value stays
 * as it is (`positions`, `content`).
 */
export interface KeyVocabulary {
  actors: ReadonlySet<string>;
  topics: ReadonlySet<string>;
  propositions: ReadonlySet<string>;
}

const SHAPES: readonly [string, (segment: string, vocabulary: KeyVocabulary) => boolean][] = [
  ['<day>', (segment) => /^\d{4}-\d{2}-\d{2}$/.test(segment)],
  ['<month>', (segment) => /^\d{4}-\d{2}$/.test(segment)],
  ['<n>', (segment) => /^\d+$/.test(segment)],
  ['<ulid>', (segment) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(segment)],
  ['<hash>', (segment) => /^[0-9a-f]{16,}$/.test(segment)],
  ['<actor>', (segment, vocabulary) => vocabulary.actors.has(segment)],
  ['<topic>', (segment, vocabulary) => vocabulary.topics.has(segment)],
  // Position streams name a proposition, some with its object after a colon (`sanctions:russia`).
  ['<proposition>', (segment, vocabulary) => vocabulary.propositions.has(segment.split(':')[0] ?? segment)],
];

const tokens = (key: string): string[] => key.split(/([/#])/);

/** The family of every key given, by key. */
export function keyFamilies(keys: Iterable<string>, vocabulary: KeyVocabulary): Map<string, string> {
  const groups = new Map<string, string[][]>();
  for (const key of new Set(keys)) {
    const parts = tokens(key);
    const separators = parts.filter((_, index) => index % 2 === 1).join('');
    const group = `${parts[0]}\u0000${separators}`;
    groups.set(group, [...(groups.get(group) ?? []), parts]);
  }
  const families = new Map<string, string>();
  for (const members of groups.values()) {
    const width = members[0]?.length ?? 0;
    const template: string[] = [];
    for (let index = 0; index < width; index++) {
      const values = new Set(members.map((parts) => parts[index] ?? ''));
      if (index % 2 === 1) {
        template.push([...values][0] ?? '');
        continue;
      }
      const shape = SHAPES.find(([, fits]) => [...values].every((value) => fits(value, vocabulary)));
      template.push(shape ? shape[0] : values.size > 1 ? '<id>' : ([...values][0] ?? ''));
    }
    const family = template.join('');
    for (const parts of members) families.set(parts.join(''), family);
  }
  return families;
}
