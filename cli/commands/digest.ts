import type { Command } from 'commander';
import { action, CliUsageError, createOutput } from '../cli-output';
import { cliConfig } from '../config';

interface DigestFlags {
  data?: string;
  json?: boolean;
  alertShifts?: boolean;
  hours?: string;
}

/**
 * `digest`: the daily message of possible contradictions (and, with --alert-shifts, moves to or
 * from conditional) sent through the embedded alert channels. On AWS a schedule runs it daily.
 * Shifts default to STANCEWATCH_ALERT_SHIFTS, as on Lambda; --alert-shifts / --no-alert-shifts win.
 */
export function registerDigestCommand(program: Command): void {
  program
    .command('digest')
    .description("send the day's digest: possible contradictions waiting for review (nothing is sent on a quiet day)")
    .option(
      '--alert-shifts',
      'also list positions that moved to or from conditional (default: $STANCEWATCH_ALERT_SHIFTS)',
    )
    .option('--no-alert-shifts', 'leave shifts out even when STANCEWATCH_ALERT_SHIFTS=true')
    .option('--hours <n>', 'how far back to look (default 24)', '24')
    .option('--data <dir>', 'data folder (default: $STANCEWATCH_DATA or ./.stancewatch)')
    .option('--json', 'print JSON only')
    .action(
      action(async (flags: DigestFlags) => {
        const hours = Number(flags.hours);
        if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 31) {
          throw new CliUsageError(`--hours must be a whole number from 1 to 744 (got "${flags.hours}")`);
        }
        const { withStore } = await import('../open-store');
        const { publishDigest } = await import('../../shared/application/publish-digest');
        await withStore(flags.data, 'stancewatch digest', async (store) => {
          await store.drain();
          const includeShifts = flags.alertShifts ?? cliConfig().alertShifts;
          const outcome = await publishDigest(store, { includeShifts, hours });
          createOutput(flags.json ?? false).result(outcome, () =>
            outcome.status === 'published'
              ? `digest sent via ${outcome.receipt.channel}: ${outcome.possible} to review, ${outcome.shifts} shift(s)`
              : 'nothing new: no digest sent',
          );
        });
      }),
    );
}
