import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import model from 'wink-eng-lite-web-model';
import { rawTokenizer } from './nlp';

/**
 * Which normal forms wink gives a token that are not simply the token lowercased, and what
 * the text said instead: British spellings ("defence" → "defense", "dialogue" → "dialog"),
 * contractions ("won't" → "will" + "not"), a few shorthands ("abt" → "about"). The raw-text
 * prefilter (`prefilter.ts`) looks for a pattern's words in the text before tokenising it;
 * for a form in this table it must look for the spellings too.
 *
 * Computed from the installed English model, written to `spellings.json` and reviewed like any
 * generated data; a test checks the file is what the model gives:
 *
 *   npx tsx shared/domain/extraction/spellings.ts            # rewrite spellings.json (then format it with biome)
 *   npx tsx shared/domain/extraction/spellings.ts --check    # exit 1 if it is out of date
 *
 * How a token's normal form arises (wink-nlp's cache): a word of the model's lexicon has the
 * lexicon's normal form (its spelling mapped, or a shorthand expanded); a contraction of the
 * lexicon is read as its expansion; any other token's normal form is the token lowercased,
 * mapped if that lowercase word is a mapped spelling of the lexicon. Reading every lexicon
 * word alone therefore finds every normal form that is not its token lowercased.
 */

/** Normal form → the lowercased spellings that wink reads as it (other than the form itself). */
export type Spellings = Record<string, string[]>;

interface CoreModel {
  features: { lexeme: { list: string[] } };
}

/** Reads every word of wink's English lexicon and collects the normal forms that differ from it. */
export function computeSpellings(): Spellings {
  const lexicon = (model as unknown as { core(): CoreModel }).core().features.lexeme.list;
  const words = lexicon.filter((word) => word.length > 0 && !/\s/.test(word));
  // A separate wink instance: reading the lexicon leaves the extractor's cache as it was.
  const winkNlp = rawTokenizer();
  const found = new Map<string, Set<string>>();
  const add = (normal: string, spelling: string) => {
    if (spelling === normal) return;
    let spellings = found.get(normal);
    if (!spellings) {
      spellings = new Set();
      found.set(normal, spellings);
    }
    spellings.add(spelling);
  };
  // Words are read in batches, one per line: wink tokenises each run of non-space characters
  // on its own, and a lexicon word is found in the cache whatever its neighbours. Each word is
  // read alone (a contraction is expanded) and followed by a comma (a word then takes the
  // lexicon's normal form without expansion: "cannot," is one token).
  const BATCH = 2000;
  for (let from = 0; from < words.length; from += BATCH) {
    const batch = words.slice(from, from + BATCH);
    readLines(winkNlp, batch, (word, values, normals) => {
      const changed = values.length !== 1 || values[0] !== word || normals[0] !== word.toLowerCase();
      if (changed) for (const normal of normals) add(normal, word.toLowerCase());
    });
    readLines(
      winkNlp,
      batch.map((word) => `${word},`),
      (line, values, normals) => {
        for (let t = 0; t < values.length; t += 1) {
          if (normals[t] !== values[t]!.toLowerCase()) add(normals[t]!, line.slice(0, -1).toLowerCase());
        }
      },
    );
  }
  const out: Spellings = {};
  for (const normal of [...found.keys()].sort()) out[normal] = [...found.get(normal)!].sort();
  return out;
}

/** Tokenises lines (no spaces inside) in one document and hands over each line's tokens. */
function readLines(
  winkNlp: ReturnType<typeof rawTokenizer>,
  lines: readonly string[],
  each: (line: string, values: string[], normals: string[]) => void,
): void {
  const tokens = winkNlp.readDoc(lines.join('\n')).tokens();
  const values = tokens.out() as string[];
  const normals = tokens.out(winkNlp.its.normal) as string[];
  let line = 0;
  let first = 0;
  for (let i = 0; i <= values.length; i += 1) {
    if (i < values.length && !values[i]!.includes('\n')) continue;
    each(lines[line]!, values.slice(first, i), normals.slice(first, i));
    line += 1;
    first = i + 1;
  }
  if (line !== lines.length) throw new Error(`spellings: ${lines.length} lines read as ${line}`);
}

export const SPELLINGS_FILE = fileURLToPath(new URL('./spellings.json', import.meta.url));

function main(): void {
  const computed = computeSpellings();
  if (process.argv.includes('--check')) {
    // Compared as data: the file is formatted by biome (npm run format).
    const committed = readFileSync(SPELLINGS_FILE, 'utf8');
    if (JSON.stringify(JSON.parse(committed)) !== JSON.stringify(computed)) {
      console.error('spellings.json is out of date: run npx tsx shared/domain/extraction/spellings.ts');
      process.exitCode = 1;
    } else console.log('spellings.json is up to date');
    return;
  }
  writeFileSync(SPELLINGS_FILE, `${JSON.stringify(computed, null, 2)}\n`);
  console.log(`wrote ${SPELLINGS_FILE} (format it: npx biome format --write ${SPELLINGS_FILE})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
