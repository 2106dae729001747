import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { DataFolder } from '../../shared/adapters/embedded/data-folder';
import type { Stancewatch } from '../../shared/wiring/embedded';
import { action, CliUsageError } from '../cli-output';
import { cliConfig, dataDirOf } from '../config';
import { readDocumentInputs } from '../document-inputs';

interface StartFlags {
  port?: string;
  host: string;
  data?: string;
  auth: boolean;
  examples: boolean;
  verbose?: boolean;
}

const EXAMPLES = fileURLToPath(new URL('../../examples/documents.jsonl', import.meta.url));

/** `stancewatch start`: the whole product on one machine (store, stream, handlers, API, dashboard). */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('run stancewatch embedded: local store, stream handlers, HTTP API and dashboard')
    .option('--port <port>', 'HTTP port (default: $STANCEWATCH_PORT or 3000)')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--data <dir>', 'data folder (default: $STANCEWATCH_DATA or ./.stancewatch)')
    .option('--no-auth', 'serve without a token (local demos only; says so loudly)')
    .option('--no-examples', 'do not ingest the bundled examples into an empty store')
    .option('--verbose', 'log every handler step to stderr')
    .action(
      action(async (flags: StartFlags) => {
        const config = cliConfig();
        const portText = flags.port ?? config.embedded.port;
        const port = Number(portText);
        if (!Number.isInteger(port) || port < 0 || port > 65_535)
          throw new CliUsageError(`--port ${portText} is not a port`);
        const folder = new DataFolder(dataDirOf(flags.data));
        const { serve } = await import('@hono/node-server');
        const { openStancewatch } = await import('../../shared/wiring/embedded');
        const { createApp } = await import('../../functions/api/app');
        const { ensureApiToken, labelledTokensOf } = await import('../../shared/adapters/embedded/api-token');
        const url = `http://${flags.host === '0.0.0.0' ? '127.0.0.1' : flags.host}:${port}`;
        const store = await openStancewatch({
          folder,
          command: 'stancewatch start',
          config,
          apiUrl: url,
          verbose: flags.verbose ?? false,
        });
        let server: ReturnType<typeof serve> | undefined;
        const shutdown = async (signal: string) => {
          process.stderr.write(`\nstancewatch: ${signal}: shutting down…\n`);
          server?.close();
          await store.close();
          process.exit(0);
        };
        // The same signal can come twice at once (Ctrl-C reaches both this process and the bin's
        // relaunching parent, which passes it on): one more a second later stops without waiting.
        let stoppingSince: number | undefined;
        const onSignal = (signal: string) => {
          if (stoppingSince === undefined) {
            stoppingSince = Date.now();
            void shutdown(signal);
          } else if (Date.now() - stoppingSince > 1_000) process.exit(130);
        };
        for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => onSignal(signal));
        // Started by the bin's relaunching parent: when it is gone (killed), nobody would stop us.
        if (process.connected) process.once('disconnect', () => onSignal('parent process gone'));

        try {
          const token = flags.auth ? ensureApiToken(folder) : undefined;
          const publicRead = config.publicRead;
          const app = createApp({
            ingest: store,
            eventStore: store.eventStore,
            views: store.views,
            auth: { token, publicRead, labelledTokens: labelledTokensOf(folder) },
          });
          const actualPort = await new Promise<number>((resolve, reject) => {
            server = serve({ fetch: app.fetch, port, hostname: flags.host }, (info) => resolve(info.port));
            server.once('error', reject);
          });
          const actualUrl = `http://${flags.host === '0.0.0.0' ? '127.0.0.1' : flags.host}:${actualPort}`;
          store.announce(actualUrl);

          const examples = await ingestExamplesIntoEmptyStore(store, flags.examples);
          await store.drain();
          // One page is enough to say whether anything waits, and how many up to a hundred.
          const queue = await store.views.listReviewQueue({ limit: 100 });
          const waiting = queue.next ? `more than ${queue.items.length}` : String(queue.items.length);
          printBanner({ url: actualUrl, token, folder: folder.root, examples, publicRead, waiting });
        } catch (error) {
          server?.close();
          await store.close();
          throw error;
        }
      }),
    );
}

async function ingestExamplesIntoEmptyStore(store: Stancewatch, wanted: boolean): Promise<number> {
  if (!wanted || !existsSync(EXAMPLES)) return 0;
  const { commits } = await store.eventStore.readAll({ limit: 1 });
  if (commits.length > 0) return 0;
  const { documents } = await readDocumentInputs([EXAMPLES], {});
  for (const document of documents) await store.ingest(document.input);
  return documents.length;
}

function printBanner(info: {
  url: string;
  token: string | undefined;
  folder: string;
  examples: number;
  publicRead: boolean;
  /** How many contradictions wait in the review queue ('0', '3', 'more than 100'). */
  waiting: string;
}) {
  const lines = [
    '',
    `stancewatch is running (embedded) · data in ${info.folder}`,
    info.examples > 0 ? `  ingested ${info.examples} bundled example documents into the empty store` : undefined,
    `  dashboard  ${info.url}/`,
    `  API        ${info.url}/docs  (OpenAPI: ${info.url}/openapi.json)`,
    info.token
      ? `  token      ${info.token}   (again any time: npx stancewatch token)`
      : '  !!! AUTH IS OFF (--no-auth): anyone who can reach this port can read and write !!!',
    info.publicRead ? '  public read is ON (STANCEWATCH_PUBLIC_READ=true): GET routes need no token' : undefined,
    `  alerts     ${info.folder}/outbox.jsonl`,
    info.waiting !== '0'
      ? `  review     ${info.waiting} contradiction${info.waiting === '1' ? '' : 's'} waiting for a desk: ${info.url}/desk or npx stancewatch review`
      : undefined,
    '  Ctrl-C stops it; the next start reuses the data.',
    '',
  ];
  process.stdout.write(`${lines.filter((line) => line !== undefined).join('\n')}\n`);
}
