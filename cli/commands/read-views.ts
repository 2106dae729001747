import type { Command } from 'commander';
import { ActorId, TopicId } from '../../events/statement';
import { readAllPages } from '../../shared/application/read-all-pages';
import {
  contradictionJson,
  formatContradictions,
  formatPositions,
  formatTimeline,
} from '../../shared/domain/positions/positions-format';
import { action, CliUsageError, createOutput } from '../cli-output';
import { withViews } from '../with-views';

interface ReadFlags {
  data?: string;
  json?: boolean;
  actor?: string;
  topic?: string;
  since?: string;
  withdrawn?: boolean;
}

const DATA_OPTION = ['--data <dir>', 'data folder (default: $STANCEWATCH_DATA or ./.stancewatch)'] as const;

/** `--actor` and `--topic`, checked, as the filter object the views take. */
function filtersOf(flags: ReadFlags): { actor?: string; topic?: string } {
  const actor = checked('actor', flags.actor);
  const topic = checked('topic', flags.topic);
  return { ...(actor ? { actor } : {}), ...(topic ? { topic } : {}) };
}

function checked(kind: 'actor' | 'topic', value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const schema = kind === 'actor' ? ActorId : TopicId;
  if (!schema.safeParse(value).success)
    throw new CliUsageError(
      `"${value}" is not ${kind === 'actor' ? 'an actor' : 'a topic'} id (kebab-case, e.g. "united-states")`,
    );
  return value;
}

/** `positions`, `timeline`, `contradictions`: the read models, as tables or JSON. */
export function registerReadCommands(program: Command): void {
  program
    .command('positions')
    .description("each actor's current position per proposition (its latest-said statement)")
    .option('--actor <id>', 'only this actor, e.g. ukraine')
    .option('--topic <id>', 'only this topic, e.g. territory')
    .option(...DATA_OPTION)
    .option('--json', 'print JSON only')
    .action(
      action(async (flags: ReadFlags) => {
        const filters = filtersOf(flags);
        await withViews(flags.data, 'stancewatch positions', async (views) => {
          const { items } = await readAllPages((page) => views.listPositions({ ...page, ...filters }));
          createOutput(flags.json ?? false).result({ positions: items }, () => formatPositions(items));
        });
      }),
    );

  program
    .command('timeline')
    .description(
      'everything an actor said on a topic, in the order it was said, with changes and contradictions marked',
    )
    .argument('<actor>', 'actor id, e.g. ukraine')
    .argument('<topic>', 'topic id, e.g. territory')
    .option(...DATA_OPTION)
    .option('--json', 'print JSON only')
    .action(
      action(async (actorArgument: string, topicArgument: string, flags: ReadFlags) => {
        const actor = checked('actor', actorArgument) as string;
        const topic = checked('topic', topicArgument) as string;
        await withViews(flags.data, 'stancewatch timeline', async (views) => {
          const { items } = await readAllPages((page) => views.getTimeline({ ...page, actor, topic }));
          createOutput(flags.json ?? false).result({ actor, topic, timeline: items }, () => formatTimeline(items));
        });
      }),
    );

  program
    .command('contradictions')
    .description('statements that contradict what the same actor said earlier, newest first')
    .option('--actor <id>', 'only this actor')
    .option('--topic <id>', 'only this topic')
    .option('--since <date>', 'only those whose later statement was said on or after this date')
    .option('--withdrawn', 'include contradictions withdrawn after a re-extraction')
    .option(...DATA_OPTION)
    .option('--json', 'print JSON only')
    .action(
      action(async (flags: ReadFlags) => {
        const filters = filtersOf(flags);
        if (flags.since !== undefined && Number.isNaN(Date.parse(flags.since))) {
          throw new CliUsageError(`--since ${flags.since} is not a date (YYYY-MM-DD)`);
        }
        await withViews(flags.data, 'stancewatch contradictions', async (views) => {
          const { items } = await readAllPages((page) =>
            views.listContradictions({
              ...page,
              ...filters,
              ...(flags.since ? { since: flags.since } : {}),
              includeWithdrawn: flags.withdrawn ?? false,
            }),
          );
          createOutput(flags.json ?? false).result(items.map(contradictionJson), () => formatContradictions(items));
        });
      }),
    );
}
