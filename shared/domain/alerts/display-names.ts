/** Names that title-casing the id would get wrong. */
const SPECIAL_NAMES: Readonly<Record<string, string>> = {
  nato: 'NATO',
  un: 'UN',
  eu: 'EU',
  uk: 'UK',
  us: 'US',
  usa: 'USA',
  iaea: 'IAEA',
  osce: 'OSCE',
};

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on']);

/** An actor id as a person reads it: "united-states" → "United States", "nato" → "NATO". */
export function displayNameOf(id: string): string {
  const special = SPECIAL_NAMES[id];
  if (special) return special;
  return id
    .split('-')
    .map(
      (word, index) =>
        SPECIAL_NAMES[word] ??
        (index > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)),
    )
    .join(' ');
}

/** "security-guarantees" → "security guarantees"; "venue:belarus" → "venue: belarus". */
export const labelOf = (id: string): string => id.replace(/:/g, ': ').replace(/-/g, ' ');
