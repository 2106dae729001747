import type { Command } from 'commander';
import { action, createOutput } from '../cli-output';

interface FailuresFlags {
  data?: string;
  json?: boolean;
  retry?: boolean;
}

/**
 * `stancewatch failures`: the records stream consumers gave up on (the embedded DLQ), and
 * `--retry` to hand them to their consumer again (after a fix or an upgrade).
 */
export function registerFailuresCommand(program: Command): void {
  program
    .command('failures')
    .description('list stream records that kept failing (the embedded dead-letter file); --retry redelivers them')
    .option('--retry', 'deliver each failed record to its consumer again; those that succeed are removed')
    .option('--data <dir>', 'data folder (default: $STANCEWATCH_DATA or ./.stancewatch)')
    .option('--json', 'print JSON only')
    .action(
      action(async (flags: FailuresFlags) => {
        const output = createOutput(flags.json ?? false);
        const { withStore } = await import('../open-store');
        const { streamRecordOf } = await import('../../shared/adapters/embedded/stream-record');
        const { decodeCommitItem } = await import('../../shared/adapters/dynamodb/commit-item');
        await withStore(flags.data, 'stancewatch failures', async (store) => {
          const failures = await store.failures.list();
          if (!flags.retry) {
            const listed = failures.map(({ item: _item, ...failure }) => failure);
            output.result({ failures: listed }, () =>
              listed.length === 0
                ? 'no failed stream records'
                : listed
                    .map(
                      (failure) =>
                        `${failure.failedAt} ${failure.consumer} ${failure.streamId} [${failure.eventTypes.join(', ')}] ${failure.reason}`,
                    )
                    .join('\n'),
            );
            return;
          }
          const remaining: typeof failures = [];
          let retried = 0;
          for (const failure of failures) {
            const consumer = store.dispatcher.consumer(failure.consumer);
            const record = streamRecordOf(failure.item, store.tables.events);
            const response = consumer
              ? await consumer.handler({ Records: [record] }).catch(() => undefined)
              : undefined;
            if (response && (response.batchItemFailures ?? []).length === 0) retried++;
            else remaining.push(failure);
          }
          await store.failures.replace(remaining);
          await store.drain();
          output.result(
            { retried, remaining: remaining.length },
            () =>
              `${retried} record(s) delivered, ${remaining.length} still failing` +
              (remaining.length > 0 ? ` (first: ${decodeError(remaining[0]?.item, decodeCommitItem)})` : ''),
          );
          if (remaining.length > 0) process.exitCode = 1;
        });
      }),
    );
}

function decodeError(
  item: Record<string, unknown> | undefined,
  decode: (item: Record<string, unknown>) => unknown,
): string {
  if (!item) return '';
  try {
    decode(item);
    return 'the consumer still reports it failed';
  } catch (error) {
    return (error as Error).message;
  }
}
