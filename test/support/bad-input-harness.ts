import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { createApp } from '../../functions/api/app';
import { DataFolder } from '../../shared/adapters/embedded/data-folder';
import { OutboxNotifier } from '../../shared/adapters/outbox/outbox-notifier';
import { createRulesExtractor } from '../../shared/domain/extraction/rules-extractor';
import { documentStreamId } from '../../shared/domain/stream-ids';
import { systemClock } from '../../shared/ports/clock';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import { openStancewatch, type Stancewatch } from '../../shared/wiring/embedded';
import { type BadInput, badInputArbitrary } from './bad-input';
import { runCli, temporaryDirectory } from './run-cli';

const TOKEN = 'sw_fuzz-token-0123456789abcdef0123456789';
/** A document must be answered within this, on a loaded 2-core CI machine. */
export const MAX_MS_PER_DOCUMENT = 15_000;

export interface FuzzReport {
  cases: number;
  byStatus: Record<string, number>;
  byFamily: Record<string, number>;
  maxMs: number;
  p99Ms: number;
}

const polluted = () => {
  const probe = {} as Record<string, unknown>;
  return probe.polluted !== undefined || probe.isAdmin !== undefined;
};

const appended = (store: Stancewatch, type: string) => store.eventStore.appendedByType.get(type) ?? 0;

/**
 * POST /documents (the real app over an in-memory embedded stancewatch with the rules extractor)
 * for `numRuns` adversarial inputs. Each answer must be a 2xx or a clean 4xx (JSON error body,
 * no stack), within MAX_MS_PER_DOCUMENT; a refused document writes nothing, an accepted one is
 * stored whole; no input pollutes Object.prototype; and afterwards the projector and alerter have
 * taken every accepted document without a failure.
 */
export async function fuzzPostDocuments(numRuns: number): Promise<FuzzReport> {
  const store = await openStancewatch({
    extractor: createRulesExtractor(),
    notifier: { channel: 'none', publish: async () => ({ channel: 'none', messageId: 'none' }) },
  });
  const errors: unknown[] = [];
  const app = createApp({
    ingest: store,
    eventStore: store.eventStore,
    views: store.views,
    auth: { token: TOKEN, publicRead: false },
    logError: (_message, context) => errors.push(context),
  });
  const durations: number[] = [];
  const byStatus: Record<string, number> = {};
  const byFamily: Record<string, number> = {};
  try {
    await fc.assert(
      fc.asyncProperty(badInputArbitrary, async (input: BadInput) => {
        const documentsBefore = appended(store, 'DocumentIngested');
        // Ids repeat across thousands of cases: an earlier case may have stored this id.
        const versionBefore = input.id ? (await store.eventStore.readStream(documentStreamId(input.id))).version : 0;
        const statementsBefore = appended(store, 'StatementExtracted');
        const started = performance.now();
        const response = await app.request(`/documents${input.contentType === 'application/json' ? '' : input.query}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': input.contentType },
          body: Buffer.from(input.body),
        });
        const body = (await response.json()) as Record<string, unknown>;
        const elapsed = performance.now() - started;
        durations.push(elapsed);
        byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
        byFamily[input.family] = (byFamily[input.family] ?? 0) + 1;

        expect(elapsed, input.family).toBeLessThan(MAX_MS_PER_DOCUMENT);
        expect(polluted(), input.family).toBe(false);
        expect([200, 201, 400, 413, 415], `${input.family}: ${JSON.stringify(body).slice(0, 300)}`).toContain(
          response.status,
        );
        const newDocuments = appended(store, 'DocumentIngested') - documentsBefore;
        const newStatements = appended(store, 'StatementExtracted') - statementsBefore;
        if (response.status >= 400) {
          expect(typeof body.error).toBe('string');
          expect(String(body.message)).not.toMatch(/\n\s+at /);
          expect(newDocuments, input.family).toBe(0);
          expect(newStatements, input.family).toBe(0);
          if (input.id) {
            expect((await store.eventStore.readStream(documentStreamId(input.id))).version).toBe(versionBefore);
          }
          return;
        }
        // Accepted: stored whole (or, as a duplicate, nothing new).
        const documentId = String(body.documentId);
        const stream = await store.eventStore.readStream(documentStreamId(documentId));
        const ingested = stream.events.find((event) => event.type === 'DocumentIngested');
        expect(ingested?.type).toBe('DocumentIngested');
        const extracted = stream.events.filter((event) => event.type === 'StatementExtracted');
        if (ingested?.type === 'DocumentIngested') expect(extracted).toHaveLength(ingested.data.statementCount);
        expect(newDocuments).toBe(response.status === 201 ? 1 : 0);
        expect(newStatements).toBe(response.status === 201 ? extracted.length : 0);
      }),
      { numRuns },
    );
    await store.drain();
    expect(await store.failures.list()).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await store.close();
  }
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    cases: durations.length,
    byStatus,
    byFamily,
    maxMs: Math.round(sorted.at(-1) ?? 0),
    p99Ms: Math.round(sorted[Math.floor(sorted.length * 0.99)] ?? 0),
  };
}

interface CliReport {
  documents: { origin: string; documentId: string; duplicate: boolean; statements: number }[];
  rejected: { origin: string; message: string }[];
  summary: Record<string, number>;
}

/**
 * `stancewatch ingest <folder> --date … --skip-invalid --json` (the real CLI, a child process) over
 * a folder holding a batch of adversarial inputs: the JSON-ish ones as lines of one JSONL file, the
 * others as files of their own. Each run must end with exit 0 (all accepted) or 1 (some rejected,
 * reported) and a JSON report on stdout, never a crash or an "unexpected error"; every input is
 * accounted for; each accepted document is stored whole and no rejected one left anything.
 */
export async function fuzzCliIngest(runs: number, casesPerRun: number): Promise<FuzzReport> {
  const durations: number[] = [];
  const byStatus: Record<string, number> = {};
  const byFamily: Record<string, number> = {};
  await fc.assert(
    fc.asyncProperty(
      fc.array(badInputArbitrary, { minLength: casesPerRun, maxLength: casesPerRun }),
      async (inputs) => {
        const directory = temporaryDirectory('stancewatch-fuzz-');
        const inbox = join(directory, 'inbox');
        mkdirSync(inbox);
        const lines: Buffer[] = [];
        inputs.forEach((input, index) => {
          byFamily[input.family] = (byFamily[input.family] ?? 0) + 1;
          if (input.cli === 'jsonl') {
            // A JSONL line cannot hold a raw newline: such a body is several (bad) lines, as it would be.
            lines.push(Buffer.from(input.body));
          } else {
            writeFileSync(join(inbox, `case-${String(index).padStart(4, '0')}.${input.extension}`), input.body);
          }
        });
        writeFileSync(join(inbox, 'batch.jsonl'), Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')])));
        const dataDir = join(directory, 'data');
        const started = performance.now();
        const result = await runCli([
          'ingest',
          inbox,
          '--date',
          '2025-11-01',
          '--skip-invalid',
          '--json',
          '--data',
          dataDir,
        ]);
        const elapsed = performance.now() - started;
        durations.push(elapsed / inputs.length);
        byStatus[`exit ${result.code}`] = (byStatus[`exit ${result.code}`] ?? 0) + 1;

        expect(result.stderr).not.toMatch(/unexpected error|\n\s+at |Error: /);
        expect([0, 1], result.stderr.slice(0, 500)).toContain(result.code);
        const report = JSON.parse(result.stdout) as CliReport;
        const fileInputs = inputs.filter((input) => input.cli === 'file').length;
        const jsonlLines = Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')]))
          .toString('utf8')
          .split('\n')
          .filter((line) => line.trim().length > 0).length;
        expect(report.documents.length + report.rejected.length).toBe(fileInputs + jsonlLines);
        expect(result.code).toBe(report.rejected.length > 0 ? 1 : 0);

        // What is stored is exactly what was reported, whole.
        const store = await openStancewatch({
          folder: new DataFolder(dataDir),
          // Only reading back what the CLI stored: no extractor is loaded.
          extractor: { name: 'none', extract: () => Promise.reject(new Error('reading only')) },
          notifier: new OutboxNotifier({
            dataDir,
            ids: createUlidGenerator(),
            clock: systemClock,
            console: { write: () => true },
          }),
        });
        try {
          const reported = new Set(report.documents.map((document) => document.documentId));
          const stored = new Map<string, number>();
          let after: string | undefined;
          do {
            const page = await store.eventStore.readAll({ ...(after ? { after } : {}), limit: 100 });
            for (const commit of page.commits) {
              if (!commit.streamId.startsWith('document/')) continue;
              const ingested = commit.events.find((event) => event.type === 'DocumentIngested');
              if (ingested?.type !== 'DocumentIngested') continue;
              const statements = commit.events.filter((event) => event.type === 'StatementExtracted').length;
              expect(statements).toBe(ingested.data.statementCount);
              stored.set(ingested.data.documentId, statements);
            }
            after = page.next;
          } while (after);
          expect([...stored.keys()].sort()).toEqual([...reported].sort());
          for (const input of inputs) {
            if (input.id && !reported.has(input.id)) expect(stored.has(input.id)).toBe(false);
          }
          expect(await store.failures.list()).toEqual([]);
        } finally {
          await store.close();
        }
        // A run leaves ~100 MB (the 5 MB cases): gone once it passed; a failing run's folder stays.
        rmSync(directory, { recursive: true, force: true });
      },
    ),
    { numRuns: runs },
  );
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    cases: runs * casesPerRun,
    byStatus,
    byFamily,
    maxMs: Math.round(sorted.at(-1) ?? 0),
    p99Ms: Math.round(sorted[Math.floor(sorted.length * 0.99)] ?? 0),
  };
}
