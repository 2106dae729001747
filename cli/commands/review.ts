import type { Command } from 'commander';
import { DismissalReason } from '../../events/review-events';
import { formatReviewQueue, formatStats } from '../../shared/domain/alerts/review-format';
import { contradictionJson } from '../../shared/domain/positions/positions-format';
import { action, CliUsageError, createOutput } from '../cli-output';
import { withReviewDesk } from '../review-desk';

interface ReviewFlags {
  data?: string;
  json?: boolean;
  as?: string;
  note?: string;
  reason?: string;
  document?: string;
  days?: string;
}

const DATA_OPTION = ['--data <dir>', 'data folder (default: $STANCEWATCH_DATA or ./.stancewatch)'] as const;
const AS_OPTION = [
  '--as <label>',
  'act as the analyst with this token label (stancewatch token --label)',
  'owner',
] as const;

/** `review`: the queue of possible contradictions, and the verdicts an analyst gives on them. */
export function registerReviewCommand(program: Command): void {
  const review = program
    .command('review')
    .description('the review queue of possible contradictions: list (default), confirm, dismiss, reject, stats');

  review
    .command('list', { isDefault: true })
    .description('possible contradictions waiting for a verdict, oldest first, both statements as evidence')
    .option(...DATA_OPTION)
    .option('--json', 'print JSON only')
    .action(
      action(async (flags: ReviewFlags) => {
        await withReviewDesk(flags.data, 'owner', async (desk) => {
          const queue = await desk.queue();
          createOutput(flags.json ?? false).result(queue.map(contradictionJson), () => formatReviewQueue(queue));
        });
      }),
    );

  review
    .command('confirm')
    .description('confirm a contradiction: a possible one is then alerted (once)')
    .argument('<id>', 'contradiction id (ctr-…)')
    .option('--note <text>', 'a note for the record')
    .option(...AS_OPTION)
    .option(...DATA_OPTION)
    .option('--json', 'print JSON only')
    .action(
      action(async (id: string, flags: ReviewFlags) => {
        await withReviewDesk(flags.data, flags.as ?? 'owner', async (desk) => {
          const outcome = await desk.verdict({ contradictionId: id, verdict: 'confirm', note: flags.note });
          createOutput(flags.json ?? false).result(
            { ...outcome, contradiction: contradictionJson(outcome.contradiction) },
            () => (outcome.recorded ? `confirmed ${id}` : `${id} was already confirmed: nothing new recorded`),
          );
        });
      }),
    );

  review
    .command('dismiss')
    .description('dismiss a contradiction: it never alerts, also not after replay or reextract')
    .argument('<id>', 'contradiction id (ctr-…)')
    .requiredOption('--reason <reason>', `why: ${DismissalReason.options.join(' | ')}`)
    .option('--note <text>', 'a note for the record')
    .option(...AS_OPTION)
    .option(...DATA_OPTION)
    .option('--json', 'print JSON only')
    .action(
      action(async (id: string, flags: ReviewFlags) => {
        const reason = DismissalReason.safeParse(flags.reason);
        if (!reason.success) {
          throw new CliUsageError(
            `--reason must be one of ${DismissalReason.options.join(', ')} (got "${flags.reason}")`,
          );
        }
        await withReviewDesk(flags.data, flags.as ?? 'owner', async (desk) => {
          const outcome = await desk.verdict({
            contradictionId: id,
            verdict: 'dismiss',
            reason: reason.data,
            note: flags.note,
          });
          createOutput(flags.json ?? false).result(
            { ...outcome, contradiction: contradictionJson(outcome.contradiction) },
            () =>
              outcome.recorded
                ? `dismissed ${id} (${reason.data})`
                : `${id} was already dismissed so: nothing new recorded`,
          );
        });
      }),
    );

  review
    .command('reject')
    .description('reject a statement the extractor misread: it leaves its position, reextract never brings it back')
    .argument('<statementId>', 'statement id (st-…)')
    .requiredOption('--document <id>', 'the document it was read from')
    .option('--note <text>', 'a note for the record')
    .option(...AS_OPTION)
    .option(...DATA_OPTION)
    .option('--json', 'print JSON only')
    .action(
      action(async (statementId: string, flags: ReviewFlags) => {
        await withReviewDesk(flags.data, flags.as ?? 'owner', async (desk) => {
          const documentId = flags.document as string;
          const outcome = await desk.reject({ documentId, statementId, note: flags.note });
          createOutput(flags.json ?? false).result({ statementId, documentId, ...outcome }, () =>
            outcome.recorded ? `rejected ${statementId}` : `${statementId} was already rejected: nothing new recorded`,
          );
        });
      }),
    );

  review
    .command('stats')
    .description("the desk's own precision: alerts sent, reviewed, confirmed, dismissed by reason")
    .option('--days <n>', 'the window in days (default 30)', '30')
    .option(...DATA_OPTION)
    .option('--json', 'print JSON only')
    .action(
      action(async (flags: ReviewFlags) => {
        const days = Number(flags.days);
        if (!Number.isInteger(days) || days < 1 || days > 366) {
          throw new CliUsageError(`--days must be a whole number from 1 to 366 (got "${flags.days}")`);
        }
        await withReviewDesk(flags.data, 'owner', async (desk) => {
          const stats = await desk.stats(days);
          createOutput(flags.json ?? false).result(stats, () => formatStats(stats, days));
        });
      }),
    );
}
