/**
 * Extraction throughput, next to wink-nlp's own tokenizer on the same text in the same run.
 *
 *   npx tsx bench/extraction.bench.ts [--mb 5] [--runs 5] [--dense]
 *
 * Generates a ~5 MB corpus of news-style documents (seeded, so every run reads the same text):
 * political articles where about half the sentences carry a stance, mixed with general news that
 * carries none, as a feed would deliver them. `--dense` makes every sentence a stance sentence (the
 * worst case). Each run times wink's bare tokenizer (`readDoc` with an empty pipe, tokens out) and
 * then the rules extractor over the same documents; the table shows medians over the runs and the
 * ratio of extraction to tokenizer throughput (floor 0.4 since issue 14: readability first; it was
 * 0.5 under issue 3). RSS is sampled as
 * the corpus is processed: it should stay flat with document count, the codebook being compiled once.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { rawTokenizer } from '../shared/domain/extraction/nlp';
import { createRulesExtractor } from '../shared/domain/extraction/rules-extractor';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const targetBytes = option('mb', 5) * 1024 * 1024;
const runs = option('runs', 5);
const dense = args.includes('--dense');

// ── a deterministic corpus ───────────────────────────────────────────────────────────────────────

let seed = 20251028;
const random = () => {
  seed = (seed * 1664525 + 1013904223) % 2 ** 32;
  return seed / 2 ** 32;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const speakers = [
  ['Ukrainian President Volodymyr Zelensky', 'Zelensky', 'Kyiv'],
  ['Foreign Minister Andrii Sybiha', 'Sybiha', 'Kyiv'],
  ['Russian President Vladimir Putin', 'Putin', 'Moscow'],
  ['Kremlin spokesman Dmitry Peskov', 'Peskov', 'Moscow'],
  ['Foreign Minister Sergei Lavrov', 'Lavrov', 'Moscow'],
  ['US President Donald Trump', 'Trump', 'Washington'],
  ['Secretary of State Marco Rubio', 'Rubio', 'Washington'],
  ['Commission President Ursula von der Leyen', 'von der Leyen', 'Brussels'],
  ['Hungarian Prime Minister Viktor Orban', 'Orban', 'Budapest'],
  ['Turkish President Recep Tayyip Erdogan', 'Erdogan', 'Ankara'],
  ['Chinese Foreign Minister Wang Yi', 'Wang Yi', 'Beijing'],
  ['German Chancellor Friedrich Merz', 'Merz', 'Berlin'],
] as const;
const days = ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'late on Sunday', 'last week', ''];
const stances = [
  'was ready for a ceasefire along the current front line',
  'would never cede territory in exchange for a truce',
  'could consider talks only after the shelling stopped',
  'wanted tougher sanctions against Russian oil exports',
  'rejected any deployment of foreign troops',
  'would welcome a summit in Istanbul but not in Minsk',
  'was willing to negotiate anywhere except in Belarus',
  'opposed using frozen Russian assets without legal guarantees',
  'needed more air defence systems before the winter',
  'backed firm security guarantees for Ukraine',
  'hoped China would put pressure on Moscow',
  'would not lift sanctions until a settlement was signed',
];
const background = [
  'The meeting lasted more than four hours and ended without a joint statement.',
  'Officials in the region reported that several thousand homes were without power after overnight strikes.',
  'The talks were the first of their kind since the spring, diplomats noted.',
  'Markets in Frankfurt rose slightly after the remarks, with energy shares leading the gains.',
  'A delegation of business leaders accompanied the minister on the two-day visit.',
  'The visit came a week after a similar trip to the Baltic states.',
  'Journalists were not allowed to ask questions at the end of the briefing.',
  'The ministry published a transcript of the conversation later in the evening.',
  'Rail traffic between the two cities was suspended for several hours on Saturday.',
  'Local authorities said the damaged bridge would reopen by the end of the month.',
];
const unrelated = [
  'The home side scored twice in the second half to win the derby in front of a sold-out stadium.',
  'Forecasters expect heavy rain across the north of the country until the weekend.',
  'The central bank kept its main interest rate unchanged, citing slowing inflation.',
  'A new exhibition of modern sculpture opened at the city museum on Friday.',
  'Train operators announced a new timetable that adds late-evening services on weekdays.',
  'The company reported higher quarterly profits thanks to strong demand for its software.',
  'Thousands of runners took part in the annual marathon despite the cold weather.',
  'The university said applications for engineering courses had risen by a fifth.',
];

function stanceSentence(): string {
  const [full, short, capital] = pick(speakers);
  const day = pick(days);
  const stance = pick(stances);
  switch (Math.floor(random() * 4)) {
    case 0:
      return `${full} said ${day} that ${capital} ${stance}.`.replace(/\s+/g, ' ');
    case 1:
      return `${capital} ${stance}, ${short} said ${day}.`.replace(/\s+ \./g, '.').replace(/\s+/g, ' ');
    case 2:
      return `"We ${stance.replace(/^was /, 'are ').replace(/^would /, 'will ')}," ${short} told reporters.`;
    default:
      return `According to ${short}, ${capital} ${stance}.`;
  }
}

function article(): string {
  const paragraphs: string[] = [];
  const political = dense || random() < 0.6;
  const length = 6 + Math.floor(random() * 8);
  for (let k = 0; k < length; k += 1) {
    if (!political) paragraphs.push(pick(unrelated));
    else if (dense || random() < 0.5) paragraphs.push(stanceSentence());
    else paragraphs.push(pick(background));
  }
  // Sentences run on within a paragraph, paragraphs are separated by a blank line.
  return paragraphs
    .map((sentence) => (random() < 0.5 ? `${sentence}\n\n` : `${sentence} `))
    .join('')
    .trim();
}

const documents: string[] = [];
let bytes = 0;
while (bytes < targetBytes) {
  const text = article();
  documents.push(text);
  bytes += Buffer.byteLength(text, 'utf8');
}

// ── measurement ─────────────────────────────────────────────────────────────────────────────────

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const mb = (value: number) => (value / 1024 / 1024).toFixed(1);
// A collector we can call between memory samples, without asking for node flags.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const tokenizer = rawTokenizer();
const extractor = createRulesExtractor();
// Warm both up (JIT, caches), outside the timings.
for (const text of documents.slice(0, 50)) {
  tokenizer.readDoc(text).tokens().out();
  extractor.extractSync({ documentId: 'warm-up', text, publishedAt: '2025-11-04' });
}

// Process CPU time (user + system): on a shared machine it is far steadier than wall-clock time,
// and both passes run on this one thread. Wall-clock figures are printed too.
const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};
const results: Array<{ tokenizer: number; extraction: number; statements: number; wall: [number, number] }> = [];
for (let run = 0; run < runs; run += 1) {
  let wall = performance.now();
  let started = cpuSeconds();
  for (const text of documents) tokenizer.readDoc(text).tokens().out();
  const tokenizerSeconds = cpuSeconds() - started;
  const tokenizerWall = (performance.now() - wall) / 1000;

  wall = performance.now();
  started = cpuSeconds();
  let statements = 0;
  for (let index = 0; index < documents.length; index += 1) {
    statements += extractor.extractSync({
      documentId: `doc-${index}`,
      text: documents[index]!,
      publishedAt: '2025-11-04',
    }).statements.length;
  }
  const extractionSeconds = cpuSeconds() - started;
  const extractionWall = (performance.now() - wall) / 1000;
  results.push({
    tokenizer: tokenizerSeconds,
    extraction: extractionSeconds,
    statements,
    wall: [tokenizerWall, extractionWall],
  });
}

// Memory, outside the timings: one more pass, collecting garbage at each quarter of the corpus.
gc();
const before = process.memoryUsage();
const checkpoints: Array<[number, NodeJS.MemoryUsage]> = [];
for (let index = 0; index < documents.length; index += 1) {
  extractor.extractSync({ documentId: `doc-${index}`, text: documents[index]!, publishedAt: '2025-11-04' });
  if ((index + 1) % Math.ceil(documents.length / 4) === 0 || index === documents.length - 1) {
    gc();
    checkpoints.push([index + 1, process.memoryUsage()]);
  }
}

const megabytes = bytes / 1024 / 1024;
const tokenizerMbps = median(results.map((r) => megabytes / r.tokenizer));
const extractionMbps = median(results.map((r) => megabytes / r.extraction));
const statementsPerSecond = median(results.map((r) => r.statements / r.extraction));
const ratio = median(results.map((r) => r.tokenizer / r.extraction));

const tokenizerWallMbps = median(results.map((r) => megabytes / r.wall[0]));
const extractionWallMbps = median(results.map((r) => megabytes / r.wall[1]));

const rows: Array<[string, string, string]> = [
  [
    'wink-nlp tokenizer (readDoc, empty pipe)',
    `${tokenizerMbps.toFixed(2)} MB/s`,
    `(wall clock ${tokenizerWallMbps.toFixed(2)} MB/s)`,
  ],
  [
    'rules extractor',
    `${extractionMbps.toFixed(2)} MB/s`,
    `${Math.round(statementsPerSecond)} statements/s (wall clock ${extractionWallMbps.toFixed(2)} MB/s)`,
  ],
];
console.log(
  `extraction bench: ${documents.length} documents, ${megabytes.toFixed(2)} MB (${dense ? 'every sentence a stance' : 'mixed news'}), ${results[0]!.statements} statements, median of ${runs} runs, CPU time`,
);
console.log('');
for (const [name, speed, extra] of rows) console.log(`${name.padEnd(44)} ${speed.padStart(12)}   ${extra}`);
console.log('');
console.log(`ratio extraction / tokenizer: ${ratio.toFixed(2)} (floor ≥ 0.4)`);
console.log(
  `memory after GC: heap ${mb(before.heapUsed)} MB, RSS ${mb(before.rss)} MB before; ${checkpoints
    .map(([count, usage]) => `heap ${mb(usage.heapUsed)} MB, RSS ${mb(usage.rss)} MB after ${count} docs`)
    .join('; ')}`,
);
