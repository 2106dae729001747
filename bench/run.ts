import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench [-- name… [--flag value…]]`: runs every bench/*.bench.ts (or those whose name contains one of
 * the arguments) one after another, each in its own process so one benchmark's heap and JIT
 * state never colour the next. Each prints its own table.
 */
const directory = fileURLToPath(new URL('.', import.meta.url));
// Arguments before the first `--flag` pick benches; that flag and what follows go to each bench
// (`npm run bench -- soak --documents 2000 --reads 10000`).
const args = process.argv.slice(2);
const firstFlag = args.findIndex((arg) => arg.startsWith('--'));
const filters = firstFlag < 0 ? args : args.slice(0, firstFlag);
const benchArgs = firstFlag < 0 ? [] : args.slice(firstFlag);
const benches = readdirSync(directory)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();

if (benches.length === 0) {
  console.error(`no benchmark matches ${filters.join(', ')}`);
  process.exit(2);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `stancewatch benchmarks · ${new Date().toISOString()} · node ${process.version} · ${cpus().length} × ${cpu} · ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB`,
);
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${directory}${bench}`, ...benchArgs], {
    stdio: 'inherit',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (result.status !== 0) {
    failed++;
    console.error(`${bench} failed (exit ${result.status})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
