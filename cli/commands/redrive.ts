import type { Command } from 'commander';
import type { ParkedRecordSummary, RedriveReport } from '../../shared/application/redrive-parked-records';
import { action, createOutput } from '../cli-output';

interface RedriveFlags {
  data?: string;
  json?: boolean;
  dryRun?: boolean;
}

const line = (record: ParkedRecordSummary) =>
  `${record.consumer} ${record.streamId} #${record.commit}${record.held ? ' (held behind an earlier one)' : ''}: ${record.reason}`;

function render(report: RedriveReport): string {
  if (report.dryRun) {
    const records = report.records ?? [];
    return records.length === 0
      ? 'no parked stream records'
      : [`${records.length} parked stream record(s), in the order redrive replays them:`, ...records.map(line)].join(
          '\n',
        );
  }
  return [
    `${report.redriven} parked record(s) replayed, ${report.remaining} still parked`,
    ...report.stillFailing.map((record) => `still failing: ${line(record)}`),
  ].join('\n');
}

/**
 * `stancewatch redrive`: replays the stream records the projector and alerter parked (after a
 * fix or an upgrade), stream by stream in commit order, with the same handler code; a stream
 * whose record still fails stays parked from that record on (exit 1). On AWS the same use case
 * runs in the projector and alerter functions (docs/deploy.md, "Parked records").
 */
export function registerRedriveCommand(program: Command): void {
  program
    .command('redrive')
    .description('replay the stream records the projector or alerter parked, in order; --dry-run lists them')
    .option('--dry-run', 'list the parked records in the order they would be replayed; change nothing')
    .option('--data <dir>', 'data folder (default: $STANCEWATCH_DATA or ./.stancewatch)')
    .option('--json', 'print JSON only')
    .action(
      action(async (flags: RedriveFlags) => {
        const output = createOutput(flags.json ?? false);
        const { withStore } = await import('../open-store');
        await withStore(flags.data, 'stancewatch redrive', async (store) => {
          const report = await store.redrive({ dryRun: flags.dryRun ?? false });
          output.result(report, () => render(report));
          if (report.stillFailing.length > 0) process.exitCode = 1;
        });
      }),
    );
}
