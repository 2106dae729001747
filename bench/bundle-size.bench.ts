import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import {
  BUNDLE_SETTINGS,
  entryOf,
  esbuildOptions,
  FUNCTION_NAMES,
  type FunctionName,
  PROJECT_ROOT,
} from '../infra/bundling';

/**
 * `npx tsx bench/bundle-size.bench.ts` (or `npm run bench -- bundle`): bundles each Lambda handler
 * with the stack's esbuild settings (infra/bundling.ts), prints the sizes, fails when a bundle
 * carries another function's dependencies, then measures cold module initialisation: each bundle
 * imported in a fresh Node process, next to an empty handler bundled the same way.
 *
 * A second variant bundles with `@aws-sdk/*` left external and resolved from node_modules, as
 * the nodejs22.x runtime would provide it: the data behind bundling the SDK (docs/deploy.md).
 */

const OUT = join(PROJECT_ROOT, '.bench-tmp', 'bundles');
const RUNS = Number(process.env.COLD_START_RUNS ?? 9);
/**
 * The Node binary the imports run under. Lambda runs nodejs22.x and this machine Node 20, whose
 * `--enable-source-maps` costs more at load; `COLD_START_NODE=/path/to/node` times the bundles
 * under another binary (docs/performance.md says how to fetch Node 22 from the npm registry).
 */
const COLD_START_NODE = process.env.COLD_START_NODE || process.execPath;

/** Packages that belong to one part of the system; a function may only ship the parts it uses. */
const PACKAGE_GROUPS = {
  extraction: ['wink-nlp', 'wink-eng-lite-web-model', 'chrono-node', 'compromise', '@mozilla/readability', 'linkedom'],
  bedrock: ['@aws-sdk/client-bedrock-runtime'],
  http: ['hono', '@hono/', '@scalar/', '@aws-sdk/client-secrets-manager', '@aws-lambda-powertools/parameters'],
  alerts: ['@aws-sdk/client-sns', 'nodemailer'],
  streams: ['@aws-lambda-powertools/batch'],
  embedded: ['dynalite', 'commander', 'cli-progress', '@hono/node-server'],
} as const;
type Group = keyof typeof PACKAGE_GROUPS;

/** Project folders that belong to one function (or to no Lambda at all). */
const SOURCE_GROUPS = {
  extraction: ['shared/domain/extraction/', 'shared/adapters/bedrock/'],
  http: ['functions/api/'],
  alerts: ['functions/alerter/', 'shared/adapters/sns/', 'shared/adapters/smtp/', 'shared/adapters/outbox/'],
  streams: ['functions/streams/', 'functions/projector/'],
  embedded: ['shared/adapters/embedded/', 'shared/wiring/embedded', 'cli/'],
} as const satisfies Partial<Record<Group, readonly string[]>>;

const FORBIDDEN: Record<FunctionName, Group[]> = {
  ingest: ['http', 'alerts', 'streams', 'embedded'],
  projector: ['extraction', 'bedrock', 'http', 'alerts', 'embedded'],
  alerter: ['extraction', 'bedrock', 'http', 'embedded'],
  // The read API: every route but POST /documents, which goes to apiWrite; it never loads the model.
  api: ['extraction', 'bedrock', 'alerts', 'streams', 'embedded'],
  apiWrite: ['alerts', 'streams', 'embedded'],
  digest: ['extraction', 'bedrock', 'http', 'streams', 'embedded'],
};

/**
 * Budgets (issue 16): the read API must stay small and start fast, since every dashboard and API
 * read may meet a cold container; the stream consumers start fast so a burst does not age the stream.
 * A size over budget fails the run (sizes do not depend on the machine); an init over budget is
 * flagged in the table, as init times move with the machine's load.
 */
const SIZE_BUDGET_BYTES: Partial<Record<FunctionName, number>> = { api: 1024 * 1024 };
const INIT_BUDGET_MS: Partial<Record<FunctionName, number>> = { api: 150, projector: 150, alerter: 150 };

/** What each handler reads at start-up (dummy values: nothing is called during init). */
const ENVIRONMENT: Record<string, string> = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  // Anything that would call AWS during init fails at once instead of waiting on a network.
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  EVENTS_TABLE: 'bench-events',
  VIEWS_TABLE: 'bench-views',
  PARKED_TABLE: 'bench-parked',
  ALERT_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:bench-alerts',
  API_TOKEN_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:bench-token',
  API_URL: 'https://bench.example.org',
  STANCEWATCH_EXTRACTOR: 'rules',
  POWERTOOLS_SERVICE_NAME: 'stancewatch-bench',
  POWERTOOLS_METRICS_NAMESPACE: 'stancewatch',
  POWERTOOLS_LOG_LEVEL: 'WARN',
};

interface Bundle {
  name: string;
  file: string;
  bytes: number;
  gzipBytes: number;
  mapBytes: number;
  metafile: Metafile;
}

const options = (entry: string, outfile: string, external: readonly string[]): BuildOptions => ({
  ...esbuildOptions(),
  entryPoints: [entry],
  outfile,
  external: [...external],
  metafile: true,
  logLevel: 'error',
});

async function bundle(name: string, entry: string, variant: string, external: readonly string[]): Promise<Bundle> {
  const directory = join(OUT, variant, name);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const file = join(directory, 'index.mjs');
  const result = await build(options(entry, file, external));
  const code = readFileSync(file);
  return {
    name,
    file,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    mapBytes: statSync(`${file}.map`).size,
    metafile: result.metafile as Metafile,
  };
}

/** node_modules packages a bundle holds, with the bytes each contributes to the output. */
function packagesOf(metafile: Metafile): Map<string, number> {
  const packages = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const at = input.lastIndexOf('node_modules/');
      if (at < 0) continue;
      const match = /^((?:@[^/]+\/)?[^/]+)/.exec(input.slice(at + 'node_modules/'.length));
      if (!match?.[1]) continue;
      packages.set(match[1], (packages.get(match[1]) ?? 0) + bytesInOutput);
    }
  }
  return packages;
}

function sourcesOf(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs)
    .filter((input) => !input.includes('node_modules/'))
    .map((input) => relative(PROJECT_ROOT, join(PROJECT_ROOT, input)));
}

/**
 * Packages that must be in a bundle once: Powertools' packages share state through
 * `@aws-lambda-powertools/commons`, and a second copy (packages on two versions) is dead weight.
 * Other duplicates (linkedom's nested htmlparser2 helpers, the SDK's token providers) come from
 * dependencies' own pins and are only counted.
 */
const SINGLE_COPY = ['@aws-lambda-powertools/'];

interface Duplicate {
  pkg: string;
  roots: string[];
}

/** Packages present in more than one copy (two versions resolved side by side). */
function duplicatesOf(metafile: Metafile): Duplicate[] {
  const copies = new Map<string, Set<string>>();
  for (const input of Object.keys(metafile.inputs)) {
    const at = input.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const match = /^((?:@[^/]+\/)?[^/]+)/.exec(input.slice(at + 'node_modules/'.length));
    if (!match?.[1]) continue;
    const root = input.slice(0, at + 'node_modules/'.length + match[1].length);
    if (!copies.has(match[1])) copies.set(match[1], new Set());
    copies.get(match[1])?.add(root);
  }
  return [...copies.entries()]
    .filter(([, roots]) => roots.size > 1)
    .map(([pkg, roots]) => ({ pkg, roots: [...roots] }));
}

function violationsOf(name: FunctionName, bundled: Bundle): string[] {
  const { metafile } = bundled;
  const packages = [...packagesOf(metafile).keys()];
  const sources = sourcesOf(metafile);
  const violations: string[] = [];
  for (const { pkg, roots } of duplicatesOf(metafile)) {
    if (SINGLE_COPY.some((prefix) => pkg.startsWith(prefix))) {
      violations.push(`${name} ships ${roots.length} copies of ${pkg} (${roots.join(', ')})`);
    }
  }
  const budget = SIZE_BUDGET_BYTES[name];
  if (budget !== undefined && bundled.bytes > budget) {
    violations.push(`${name} is ${kb(bundled.bytes)}, over its budget of ${kb(budget)}`);
  }
  for (const group of FORBIDDEN[name]) {
    for (const prefix of PACKAGE_GROUPS[group]) {
      for (const found of packages.filter((pkg) => (prefix.endsWith('/') ? pkg.startsWith(prefix) : pkg === prefix))) {
        violations.push(`${name} ships ${found} (${group}: another function's dependency)`);
      }
    }
    for (const folder of (SOURCE_GROUPS as Partial<Record<Group, readonly string[]>>)[group] ?? []) {
      for (const found of sources.filter((source) => source.startsWith(folder))) {
        violations.push(`${name} ships ${found} (${group}: another function's code)`);
      }
    }
  }
  return violations;
}

interface Sample {
  initMs: number;
  /** CPU time of the import (all the process's threads): what the machine's load does not inflate. */
  cpuMs: number;
  processMs: number;
  rssMb: number;
}

/** One import of the bundle in a fresh Node process: module evaluation, clients, codebook… */
function sampleColdStart(file: string, nodeOptions: string): Sample {
  const probe = `
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const module = await import(${JSON.stringify(pathToFileURL(file).href)});
    const initMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    if (typeof module.handler !== 'function') throw new Error('no handler export');
    process.stdout.write(JSON.stringify({ initMs, cpuMs, rssMb: process.memoryUsage().rss / 2 ** 20 }));
  `;
  const started = performance.now();
  const result = spawnSync(COLD_START_NODE, ['--input-type=module', '-e', probe], {
    env: { ...ENVIRONMENT, PATH: process.env.PATH ?? '', NODE_OPTIONS: nodeOptions },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const processMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`loading ${file} failed:\n${result.stderr}`);
  return { ...(JSON.parse(result.stdout) as { initMs: number; cpuMs: number; rssMb: number }), processMs };
}

interface Variant {
  key: string;
  file: string;
  nodeOptions: string;
}

interface Measured {
  median: Sample;
  min: number;
}

/**
 * Samples every variant once per round, RUNS rounds: interleaved, so a burst of load on the
 * machine spreads over all variants instead of skewing one; median and minimum per variant.
 */
function measureColdStarts(variants: Variant[]): Map<string, Measured> {
  const samples = new Map<string, Sample[]>(variants.map((variant) => [variant.key, []]));
  for (let round = 0; round < RUNS; round++) {
    for (const variant of variants) samples.get(variant.key)?.push(sampleColdStart(variant.file, variant.nodeOptions));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return new Map(
    [...samples.entries()].map(([key, list]) => [
      key,
      {
        median: {
          initMs: median(list.map((sample) => sample.initMs)),
          cpuMs: median(list.map((sample) => sample.cpuMs)),
          processMs: median(list.map((sample) => sample.processMs)),
          rssMb: median(list.map((sample) => sample.rssMb)),
        },
        min: Math.min(...list.map((sample) => sample.initMs)),
      },
    ]),
  );
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pad = (value: string, width: number) => value.padStart(width);

async function main(): Promise<void> {
  const missing = FUNCTION_NAMES.filter((name) => !existsSync(entryOf(name)));
  for (const name of missing) {
    console.error(`FAIL: ${relative(PROJECT_ROOT, entryOf(name))} does not exist; measuring the others`);
    process.exitCode = 1;
  }
  const present = FUNCTION_NAMES.filter((name) => !missing.includes(name));

  const emptyEntry = join(OUT, 'empty-handler.ts');
  mkdirSync(OUT, { recursive: true });
  writeFileSync(emptyEntry, 'export const handler = async () => ({ statusCode: 200 });\n');
  // The NLP model alone, to say what it costs the extracting functions (ingest, apiWrite):
  // nlp-parse imports it (what their init pays: the model's JSON is parsed at module load);
  // nlp-model also builds the wink instance, as shared/domain/extraction/nlp.ts does on the
  // first document a container reads.
  const modelEntry = (instance: boolean) => {
    const file = join(OUT, instance ? 'nlp-model.ts' : 'nlp-parse.ts');
    const build = "winkNLP(model, ['sbd'])";
    writeFileSync(
      file,
      [
        "import model from 'wink-eng-lite-web-model';",
        "import winkNLP from 'wink-nlp';",
        instance ? `const nlp = ${build};` : 'let nlp;',
        instance
          ? "export const handler = async () => nlp.readDoc('Ready.').sentences().length();"
          : `export const handler = async () => (nlp ??= ${build}).readDoc('Ready.').sentences().length();`,
        '',
      ].join('\n'),
    );
    return file;
  };

  console.log(`esbuild: ${BUNDLE_SETTINGS.format}, ${BUNDLE_SETTINGS.target}, minify, source maps without sources`);
  const bundled: Bundle[] = [];
  for (const name of present) bundled.push(await bundle(name, entryOf(name), 'deployed', BUNDLE_SETTINGS.external));
  const empty = await bundle('empty', emptyEntry, 'deployed', []);
  const nlpParse = await bundle('nlp-parse', modelEntry(false), 'deployed', []);
  const nlpModel = await bundle('nlp-model', modelEntry(true), 'deployed', []);
  const probes = [empty, nlpParse, nlpModel];
  const runtimeSdk: Bundle[] = [];
  for (const name of present) runtimeSdk.push(await bundle(name, entryOf(name), 'runtime-sdk', ['@aws-sdk/*']));

  console.log('\nbundle sizes (index.mjs; the zip also holds index.mjs.map)');
  console.log(
    `${'function'.padEnd(10)}${pad('raw', 12)}${pad('gzip', 12)}${pad('map', 12)}   largest packages (bytes in output)`,
  );
  for (const item of [...bundled, ...probes]) {
    const top = [...packagesOf(item.metafile).entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([pkg, bytes]) => `${pkg} ${kb(bytes)}`)
      .join(', ');
    console.log(
      `${item.name.padEnd(10)}${pad(kb(item.bytes), 12)}${pad(kb(item.gzipBytes), 12)}${pad(kb(item.mapBytes), 12)}   ${top}`,
    );
  }

  for (const item of bundled) {
    const others = duplicatesOf(item.metafile).filter(
      ({ pkg }) => !SINGLE_COPY.some((prefix) => pkg.startsWith(prefix)),
    );
    if (others.length > 0) {
      console.log(
        `note: ${item.name} holds two copies of ${others.map(({ pkg }) => pkg).join(', ')} (dependencies' own pins)`,
      );
    }
  }
  const violations = bundled.flatMap((item) => violationsOf(item.name as FunctionName, item));
  if (violations.length > 0) {
    console.error('\nFAIL: bundles carry other functions’ dependencies, duplicate packages or exceed a size budget:');
    for (const violation of violations) console.error(`  - ${violation}`);
    process.exitCode = 1;
  } else {
    console.log(
      `\ndependency isolation: ok (api ships no extraction, ingest no HTTP/alert/stream code, alerter no extraction or HTTP, …); one copy of Powertools; api ≤ ${kb(SIZE_BUDGET_BYTES.api ?? 0)}`,
    );
  }

  console.log(
    `\ncold module init: ${RUNS} rounds of fresh processes, interleaved; median (min) of the import of the bundle, and its median CPU time; Lambda adds its runtime bootstrap`,
  );
  const nodeVersion = spawnSync(COLD_START_NODE, ['--version'], { encoding: 'utf8' });
  if (nodeVersion.status !== 0)
    throw new Error(`COLD_START_NODE=${COLD_START_NODE} does not run: ${nodeVersion.stderr}`);
  console.log(`imports run under Node ${nodeVersion.stdout.trim()} (${COLD_START_NODE}); Lambda runs nodejs22.x`);
  console.log(
    `load average before: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(', ')} on ${cpus().length} cores (wall times inflate with it; CPU times much less)`,
  );
  const all = [...bundled, ...probes];
  const variants: Variant[] = all.flatMap((item, index) => [
    { key: `${item.name}:maps`, file: item.file, nodeOptions: '--enable-source-maps' },
    { key: `${item.name}:plain`, file: item.file, nodeOptions: '' },
    ...(runtimeSdk[index] && !probes.includes(item)
      ? [{ key: `${item.name}:runtime-sdk`, file: runtimeSdk[index].file, nodeOptions: '--enable-source-maps' }]
      : []),
  ]);
  const measured = measureColdStarts(variants);
  const get = (key: string) => measured.get(key) as Measured;
  const emptyInit = get('empty:maps').median.initMs;
  console.log(
    `${'function'.padEnd(10)}${pad('init', 18)}${pad('cpu', 9)}${pad('× empty', 9)}${pad('process', 10)}${pad('rss', 9)}${pad('w/o source maps', 18)}${pad('SDK from runtime: size, init', 32)}   budget`,
  );
  const rows: Array<Record<string, unknown>> = [];
  for (const [index, item] of all.entries()) {
    const start = get(`${item.name}:maps`);
    const plain = get(`${item.name}:plain`);
    const external = probes.includes(item) ? undefined : runtimeSdk[index];
    const externalStart = external ? get(`${item.name}:runtime-sdk`) : undefined;
    const row = {
      name: item.name,
      bytes: item.bytes,
      gzipBytes: item.gzipBytes,
      mapBytes: item.mapBytes,
      initMs: start.median.initMs,
      initMinMs: start.min,
      initCpuMs: start.median.cpuMs,
      ratio: start.median.initMs / emptyInit,
      processMs: start.median.processMs,
      rssMb: start.median.rssMb,
      initWithoutSourceMapsMs: plain.median.initMs,
      initWithoutSourceMapsMinMs: plain.min,
      ...(external && externalStart
        ? {
            runtimeSdkBytes: external.bytes,
            runtimeSdkInitMs: externalStart.median.initMs,
            runtimeSdkInitMinMs: externalStart.min,
          }
        : {}),
    };
    const initBudget = INIT_BUDGET_MS[item.name as FunctionName];
    // On a loaded machine the wall time queues behind other work; the CPU time says what the
    // import itself costs, which is what an idle Lambda sandbox pays.
    const verdict =
      initBudget === undefined
        ? ''
        : start.median.initMs <= initBudget
          ? 'ok'
          : start.median.cpuMs <= initBudget
            ? 'ok by CPU time (wall time inflated by load)'
            : 'OVER';
    const budget = initBudget === undefined ? '' : `${verdict} (≤ ${initBudget} ms)`;
    rows.push({ ...row, ...(initBudget !== undefined ? { initBudgetMs: initBudget } : {}) });
    const ms = (measure: Measured) => `${measure.median.initMs.toFixed(0)} (${measure.min.toFixed(0)}) ms`;
    console.log(
      `${item.name.padEnd(10)}${pad(ms(start), 18)}${pad(`${start.median.cpuMs.toFixed(0)} ms`, 9)}${pad(`${row.ratio.toFixed(1)}×`, 9)}${pad(`${start.median.processMs.toFixed(0)} ms`, 10)}${pad(`${start.median.rssMb.toFixed(0)} MB`, 9)}${pad(ms(plain), 18)}${pad(external && externalStart ? `${kb(external.bytes)}, ${ms(externalStart)}` : '—', 32)}   ${budget}`,
    );
  }
  writeFileSync(
    join(OUT, 'results.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
  );
  console.log(`\nbundles and results.json in ${relative(PROJECT_ROOT, OUT)}/`);
  if (process.exitCode === 1) throw new Error('bundle check failed (see FAIL above)');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
