/**
 * Regular English inflection, used when the codebook is compiled so that a lexicon written in
 * base forms ("reject", "territory") matches the forms found in text ("rejected", "territories")
 * with a set lookup per token. Over-generation is harmless (a form like "stopp" never occurs);
 * irregular forms come from the codebook's `lexicon.inflections`.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const isVowel = (ch: string | undefined) => ch !== undefined && VOWELS.has(ch);

/** Consonant-vowel-consonant ending, where English often doubles the last letter ("ban" → "banned"). */
function endsCvc(word: string): boolean {
  const n = word.length;
  if (n < 3) return false;
  const [a, b, c] = [word[n - 3], word[n - 2], word[n - 1]];
  return !isVowel(a) && isVowel(b) && !isVowel(c) && c !== 'w' && c !== 'x' && c !== 'y';
}

export function inflections(word: string, irregular: Record<string, readonly string[]> = {}): string[] {
  const forms = new Set<string>([word]);
  for (const form of irregular[word] ?? []) forms.add(form);
  if (!/^[a-z]+$/.test(word) || word.length < 3) return [...forms];

  const last = word[word.length - 1];
  const beforeLast = word[word.length - 2];

  // -s / -es (plural nouns, third person verbs)
  if (/(?:s|x|z|ch|sh)$/.test(word)) forms.add(`${word}es`);
  else if (last === 'y' && !isVowel(beforeLast)) forms.add(`${word.slice(0, -1)}ies`);
  else forms.add(`${word}s`);

  // -ed
  if (last === 'e') forms.add(`${word}d`);
  else if (last === 'y' && !isVowel(beforeLast)) forms.add(`${word.slice(0, -1)}ied`);
  else forms.add(`${word}ed`);

  // -ing
  if (word.endsWith('ie')) forms.add(`${word.slice(0, -2)}ying`);
  else if (last === 'e' && beforeLast !== 'e') forms.add(`${word.slice(0, -1)}ing`);
  else forms.add(`${word}ing`);

  // doubled final consonant, both ways: "ban" → "banned", "commit" → "committed", "cancel" → "cancelled"
  if (endsCvc(word)) {
    forms.add(`${word}${last}ed`);
    forms.add(`${word}${last}ing`);
  }
  return [...forms];
}
