import type { Command } from 'commander';
import { ensureApiToken, ensureLabelledToken } from '../../shared/adapters/embedded/api-token';
import { DataFolder } from '../../shared/adapters/embedded/data-folder';
import { action, createOutput } from '../cli-output';
import { dataDirOf } from '../config';

/** `stancewatch token`: the embedded API token (made now if `start` never ran). */
export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('print the local API token (stored with mode 0600 in the data folder)')
    .option('--label <name>', "an analyst's own token (made on first use): verdicts given with it name them")
    .option('--data <dir>', 'data folder (default: $STANCEWATCH_DATA or ./.stancewatch)')
    .option('--json', 'print {"token": …, "label": …}')
    .action(
      action(async (flags: { data?: string; json?: boolean; label?: string }) => {
        const folder = new DataFolder(dataDirOf(flags.data));
        const label = flags.label ?? 'owner';
        const token = flags.label === undefined ? ensureApiToken(folder) : ensureLabelledToken(folder, flags.label);
        createOutput(flags.json ?? false).result({ token, label }, () => token);
      }),
    );
}
