import type { Command } from 'commander';
import { action, createOutput } from '../cli-output';
import { cliConfig } from '../config';

interface MaintenanceFlags {
  data?: string;
  json?: boolean;
  document?: string[];
}

/** `replay` and `reextract`: rebuild the views from the events; re-run the extractor over stored documents. */
export function registerMaintenanceCommands(program: Command): void {
  program
    .command('replay')
    .description('drop the read models and rebuild them from the event log (sends no alert, takes no new decision)')
    .option('--data <dir>', 'data folder (default: $STANCEWATCH_DATA or ./.stancewatch)')
    .option('--json', 'print JSON only')
    .action(
      action(async (flags: MaintenanceFlags) => {
        const { withStore } = await import('../open-store');
        const { replayProjections } = await import('../../shared/application/replay-projections');
        await withStore(flags.data, 'stancewatch replay', async (store) => {
          // Let the stream finish first: replay must not race the projector.
          await store.drain();
          const started = performance.now();
          const summary = await replayProjections({ eventStore: store.eventStore, views: store.views });
          const seconds = (performance.now() - started) / 1000;
          createOutput(flags.json ?? false).result(
            { ...summary, seconds: Number(seconds.toFixed(3)) },
            () =>
              `rebuilt the views from ${summary.commits} commit(s), ${summary.events} event(s) ` +
              `(${summary.viewUpdates} view update(s)) in ${seconds.toFixed(1)}s`,
          );
        });
      }),
    );

  program
    .command('reextract')
    .description(
      'run the configured extractor over stored documents and append corrections; positions heal, new contradictions alert once',
    )
    .option('--document <id...>', 'only these document ids')
    .option('--data <dir>', 'data folder (default: $STANCEWATCH_DATA or ./.stancewatch)')
    .option('--json', 'print JSON only')
    .action(
      action(async (flags: MaintenanceFlags) => {
        const { withStore } = await import('../open-store');
        const { reextractDocuments } = await import('../../shared/application/reextract-documents');
        const { configuredExtractorVersion } = await import('../../shared/wiring/extractor');
        await withStore(flags.data, 'stancewatch reextract', async (store) => {
          const before = new Map(store.eventStore.appendedByType);
          const summary = await reextractDocuments(
            { eventStore: store.eventStore, extractor: store.extractor, ids: store.ids, clock: store.clock },
            flags.document ? { documentIds: flags.document } : {},
          );
          await store.drain();
          const appended = (type: string) => (store.eventStore.appendedByType.get(type) ?? 0) - (before.get(type) ?? 0);
          const report = {
            ...summary,
            contradictions: appended('ContradictionDetected'),
            alerts: appended('AlertPublished'),
          };
          createOutput(flags.json ?? false).result(report, () =>
            [
              `${summary.documents} document(s) re-extracted with ${configuredExtractorVersion(cliConfig())}: ` +
                `${summary.corrected.length} corrected, ${summary.failed.length} failed`,
              ...summary.corrected.map(
                (correction) =>
                  `  ${correction.documentId}: -${correction.retracted} +${correction.extracted} statement(s)`,
              ),
              ...summary.failed.map((failure) => `  failed ${failure.documentId}: ${failure.error}`),
              `${report.contradictions} new contradiction(s), ${report.alerts} alert(s) sent`,
            ].join('\n'),
          );
          if (summary.failed.length > 0) process.exitCode = 1;
        });
      }),
    );
}
