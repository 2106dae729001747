import type { Command } from 'commander';
import { ensureApiToken } from '../../shared/adapters/embedded/api-token';
import { DataFolder } from '../../shared/adapters/embedded/data-folder';
import { action, createOutput } from '../cli-output';
import { dataDirOf } from '../config';

/** `stancewatch token`: the embedded API token (made now if `start` never ran). */
export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('print the local API token (stored with mode 0600 in the data folder)')
    .option('--data <dir>', 'data folder (default: $STANCEWATCH_DATA or ./.stancewatch)')
    .option('--json', 'print {"token": …}')
    .action(
      action(async (flags: { data?: string; json?: boolean }) => {
        const token = ensureApiToken(new DataFolder(dataDirOf(flags.data)));
        createOutput(flags.json ?? false).result({ token }, () => token);
      }),
    );
}
