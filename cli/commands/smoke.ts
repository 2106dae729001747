import type { Command } from 'commander';
import { action, CliUsageError, createOutput } from '../cli-output';
import { cliConfig } from '../config';
import { runSmoke } from '../smoke';

interface SmokeFlags {
  api?: string;
  token?: string;
  timeout?: string;
  json?: boolean;
}

/** `smoke`: after a deploy, proves the path from POST /documents to a published alert works. */
export function registerSmokeCommand(program: Command): void {
  program
    .command('smoke')
    .description(
      'post two labelled SMOKE TEST documents to a deployed API and wait for their contradiction and its alert',
    )
    .requiredOption('--api <url>', 'the API base URL (the stack output ApiUrl)')
    .option('--token <token>', 'the API token (default: $STANCEWATCH_TOKEN)')
    .option('--timeout <seconds>', 'how long to wait for the alert', '120')
    .option('--json', 'print JSON only')
    .action(
      action(async (flags: SmokeFlags) => {
        const seconds = Number(flags.timeout);
        if (!Number.isFinite(seconds) || seconds < 1 || seconds > 3600) {
          throw new CliUsageError(`--timeout must be 1 to 3600 seconds (got "${flags.timeout}")`);
        }
        let apiUrl: string;
        try {
          apiUrl = new URL(flags.api ?? '').toString();
        } catch {
          throw new CliUsageError(`--api ${flags.api} is not a URL`);
        }
        const json = flags.json ?? false;
        const output = createOutput(json);
        const outcome = await runSmoke({
          apiUrl,
          token: flags.token ?? cliConfig().cliToken,
          timeoutMs: seconds * 1000,
          onStep: (step) =>
            output.info(
              `${step.ok ? 'ok  ' : 'FAIL'} ${step.step}: ${step.detail} (${(step.millis / 1000).toFixed(1)} s)`,
            ),
        });
        output.result(outcome, () =>
          outcome.ok ? 'smoke test passed: documents in, contradiction found, alert published' : 'smoke test FAILED',
        );
        if (!outcome.ok) process.exitCode = 1;
      }),
    );
}
