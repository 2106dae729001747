import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from './evaluate';

/**
 * The NLP library choice, measured: wink-nlp (with the light English model) against compromise on
 * the text of the labelled corpus, each in its own process so memory figures do not mix.
 *
 *   npx tsx test/corpus/compare-nlp.ts
 *
 * For each library: throughput on the corpus text repeated to ~1 MB (median of 5 passes, CPU
 * time), resident memory after loading and after parsing, and how its sentence splitting agrees
 * with the corpus (every labelled document is split and the sentence counts compared). compromise
 * is a dev dependency used only here.
 */

type Library = 'wink-full' | 'wink-sbd' | 'wink-tokens' | 'compromise' | 'compromise-tokenize';

const LIBRARIES: Library[] = ['wink-tokens', 'wink-sbd', 'wink-full', 'compromise-tokenize', 'compromise'];

interface Measure {
  library: Library;
  mbPerSecond: number;
  rssLoadedMb: number;
  rssParsedMb: number;
  sentences: number;
}

const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

async function measure(library: Library): Promise<Measure> {
  const texts = loadCorpus().map((document) => document.text);
  let parse: (text: string) => number;
  if (library.startsWith('wink')) {
    const { default: winkNLP } = await import('wink-nlp');
    const { default: model } = await import('wink-eng-lite-web-model');
    const pipe = library === 'wink-tokens' ? [] : library === 'wink-sbd' ? ['sbd'] : undefined;
    const nlp = winkNLP(model, pipe);
    parse = (text) => {
      const doc = nlp.readDoc(text);
      doc.tokens().out();
      if (library === 'wink-full') doc.tokens().out(nlp.its.pos);
      return doc.sentences().length();
    };
  } else {
    const { default: nlp } = await import('compromise');
    parse = (text) => {
      if (library === 'compromise-tokenize') return nlp.tokenize(text).sentences().length;
      const doc = nlp(text);
      doc.people().out('array');
      return doc.sentences().length;
    };
  }
  const rssLoaded = process.memoryUsage().rss;
  let sentences = 0;
  for (const text of texts) sentences += parse(text);
  let block = '';
  while (block.length < 1_000_000) block += `${texts.join('\n\n')}\n\n`;
  const rates: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = cpu();
    parse(block);
    rates.push(block.length / 1e6 / (cpu() - started));
  }
  rates.sort((a, b) => a - b);
  return {
    library,
    mbPerSecond: rates[2]!,
    rssLoadedMb: rssLoaded / 1024 / 1024,
    rssParsedMb: process.memoryUsage().rss / 1024 / 1024,
    sentences,
  };
}

async function main() {
  const libraryIndex = process.argv.indexOf('--library');
  if (libraryIndex >= 0) {
    console.log(JSON.stringify(await measure(process.argv[libraryIndex + 1] as Library)));
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const corpus = loadCorpus();
  const words = corpus.reduce((sum, document) => sum + document.text.split(/\s+/).length, 0);
  console.log(
    `NLP comparison on the labelled corpus: ${corpus.length} documents, ${words} words (text repeated to ~1 MB for speed)`,
  );
  console.log('');
  console.log(
    `${'library'.padEnd(22)} ${'MB/s (CPU)'.padStart(10)} ${'RSS loaded'.padStart(11)} ${'RSS parsed'.padStart(11)} ${'sentences'.padStart(10)}`,
  );
  for (const library of LIBRARIES) {
    const output = execFileSync(process.execPath, ['--import', 'tsx', self, '--library', library], {
      encoding: 'utf8',
    });
    const result = JSON.parse(output.trim().split('\n').pop()!) as Measure;
    console.log(
      `${library.padEnd(22)} ${result.mbPerSecond.toFixed(2).padStart(10)} ${`${result.rssLoadedMb.toFixed(0)} MB`.padStart(11)} ${`${result.rssParsedMb.toFixed(0)} MB`.padStart(11)} ${String(result.sentences).padStart(10)}`,
    );
  }
  console.log('');
  console.log(
    'wink-tokens: empty pipe (the benchmark baseline); wink-sbd: what the extractor uses; wink-full: default pipe with POS.',
  );
  console.log('compromise: full parse with people(); compromise-tokenize: its tokenizer only.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
