import { join } from 'node:path';
import { DataFolder } from '../../shared/adapters/embedded/data-folder';
import { OutboxNotifier } from '../../shared/adapters/outbox/outbox-notifier';
import { createRulesExtractor } from '../../shared/domain/extraction/rules-extractor';
import { isStancewatchError } from '../../shared/errors';
import { systemClock } from '../../shared/ports/clock';
import type { Extractor } from '../../shared/ports/extractor';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import { openStancewatch, type Stancewatch } from '../../shared/wiring/embedded';
import { type CanonicalState, canonicalState, readOutbox } from './canonical-state';
import { exampleDocuments } from './examples';
import type { FaultInjector } from './fault-injection';
import { type GeneratedDocument, generateNewsDocuments } from './news-generator';

/**
 * The reliability workload: the bundled examples, generated stories (with contradictions and
 * late arrivals), and deliberate repeats: some stories sent twice under their own id, and some
 * texts sent again under a new id (a syndicated copy), which ingest must recognise as duplicates.
 */
export function reliabilityWorkload(options: { generated: number; seed: number }): Record<string, unknown>[] {
  const generated: GeneratedDocument[] = generateNewsDocuments({
    count: options.generated,
    seed: options.seed,
    flipRate: 0.25,
    perDay: 2,
    idPrefix: `rel${options.seed}`,
  });
  const documents: Record<string, unknown>[] = [...exampleDocuments(), ...generated];
  const repeats = generated.filter((_, index) => index % 5 === 2).map((document) => ({ ...document }));
  const syndicated = generated
    .filter((_, index) => index % 7 === 3)
    .map((document) => ({ ...document, id: `${document.id}-syndicated`, source: 'Syndicated Wire' }));
  return [...documents, ...repeats, ...syndicated];
}

/** Errors a client retries (HTTP 429/503 on the API): the store was busy or unreachable. */
export const isTransientStoreError = (error: unknown): boolean =>
  isStancewatchError(error) && ['THROTTLED', 'STORE_UNAVAILABLE'].includes(error.code);

/** Calls `operation` again while it fails transiently, as a well-behaved client would. */
export async function withClientRetries<T>(
  operation: () => Promise<T>,
  counter?: { retries: number },
  attempts = 8,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isTransientStoreError(error) || attempt >= attempts) throw error;
      if (counter) counter.retries++;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

const quiet = { write: () => true };

/** The outbox (alerts as JSON lines in the data folder) with its console lines silenced. */
export const quietOutbox = (dataDir: string): OutboxNotifier =>
  new OutboxNotifier({ dataDir, ids: createUlidGenerator(), clock: systemClock, console: quiet });

export interface PipelineRun {
  state: CanonicalState;
  /** Stream records given up or parked. */
  failures: number;
  clientRetries: number;
  milliseconds: number;
}

/**
 * Runs the embedded pipeline (on-disk data folder, the rules extractor, the outbox notifier) over
 * `documents` one by one, waits until every consumer is done, and returns the canonical state.
 * With `faults`, the injector is attached to the one DynamoDB client before anything runs, and
 * switched off only to read the final state.
 */
export async function runEmbeddedPipeline(options: {
  directory: string;
  documents: readonly unknown[];
  faults?: FaultInjector;
  beforeClose?: (stancewatch: Stancewatch) => Promise<void>;
  /**
   * The extractor (default: the rules extractor with the shipped confidence, as the CLI runs it; a
   * test that compares with no CLI run passes `fixedScoringExtractor()`, so a refit never moves it).
   */
  extractor?: Extractor;
}): Promise<PipelineRun> {
  const started = performance.now();
  const folder = new DataFolder(join(options.directory, 'data'));
  const faults = options.faults;
  const stancewatch = await openStancewatch({
    folder,
    extractor: options.extractor ?? createRulesExtractor(),
    notifier: quietOutbox(folder.root),
    ...(faults ? { configureClient: (client) => void faults.attach(client) } : {}),
  });
  const counter = { retries: 0 };
  try {
    for (const document of options.documents) await withClientRetries(() => stancewatch.ingest(document), counter);
    await withClientRetries(() => stancewatch.drain(), counter);
    if (faults) faults.enabled = false;
    await options.beforeClose?.(stancewatch);
    const state = await canonicalState({
      client: stancewatch.client,
      eventsTable: stancewatch.tables.events,
      viewsTable: stancewatch.tables.views,
      views: stancewatch.views,
      outbox: readOutbox(folder.root),
    });
    // Given up (the dead-letter file) or parked: either way not handled in the run.
    const parked =
      (await stancewatch.parking.list('projector')).length + (await stancewatch.parking.list('alerter')).length;
    const failures = (await stancewatch.failures.list()).length + parked;
    return { state, failures, clientRetries: counter.retries, milliseconds: performance.now() - started };
  } finally {
    await stancewatch.close();
  }
}
