import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { isStancewatchError } from '../../shared/errors';
import { action, CliUsageError, createOutput, type Output } from '../cli-output';
import { cliConfig } from '../config';
import { type InputDocument, type InputProblem, readDocumentInputs } from '../document-inputs';
import { postDocument } from '../remote-api';
import { runningServer } from '../running-server';

interface IngestFlags {
  date?: string;
  title?: string;
  source?: string;
  data?: string;
  json?: boolean;
  api?: string;
  token?: string;
  skipInvalid?: boolean;
}

interface DocumentResult {
  origin: string;
  documentId: string;
  duplicate: boolean;
  statements: number;
}

interface IngestReport {
  documents: DocumentResult[];
  rejected: InputProblem[];
  summary: {
    documents: number;
    new: number;
    duplicate: number;
    rejected: number;
    statements: number;
    positionsTaken?: number;
    positionChanges?: number;
    contradictions?: number;
  };
}

/** A sink per mode: the embedded store, or a remote API. */
type IngestOne = (document: InputDocument) => Promise<DocumentResult>;

const PROGRESS_THRESHOLD = 5;

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('store documents, extract their statements, update positions and send alerts')
    .argument('<inputs...>', 'text/HTML files, directories, .jsonl files (one document per line), or - for stdin')
    .option('--date <YYYY-MM-DD>', 'publication date for text documents (and JSONL lines without publishedAt)')
    .option('--title <title>', 'title for a text document (default: the file name)')
    .option('--source <source>', 'source for documents that do not name one')
    .option('--data <dir>', 'embedded data folder (default: $STANCEWATCH_DATA or ./.stancewatch)')
    .option('--api <url>', 'send to a running or deployed stancewatch API instead of the local store')
    .option('--token <token>', 'API token for --api (default: $STANCEWATCH_TOKEN)')
    .option('--skip-invalid', 'ingest the valid documents even when others are invalid')
    .option('--json', 'print the report as JSON only')
    .addHelpText(
      'after',
      '\nJSONL lines: {"id"?, "title"?, "source"?, "url"?, "publishedAt", "text"}\n' +
        'Examples:\n  stancewatch ingest article.txt --date 2025-10-28 --source "Example Wire"\n' +
        '  stancewatch ingest feed.jsonl\n  cat feed.jsonl | stancewatch ingest -',
    )
    .action(
      action(async (inputs: string[], flags: IngestFlags) => {
        const output = createOutput(flags.json ?? false);
        const { parseDocumentInput } = await import('../../shared/domain/documents/document-input');
        // Each document is checked where it is read, so the problems come out in input order.
        const { documents: valid, problems } = await readDocumentInputs(inputs, flags, {
          check: (input) => parseDocumentInput(input),
        });
        if (problems.length > 0 && !flags.skipInvalid) {
          const shown = problems.slice(0, 20).map((problem) => `  ${problem.origin}: ${problem.message}`);
          if (problems.length > 20) shown.push(`  … and ${problems.length - 20} more`);
          throw new CliUsageError(
            `${problems.length} invalid input(s), nothing ingested (use --skip-invalid to ingest the rest):\n${shown.join('\n')}`,
          );
        }
        if (valid.length === 0) throw new CliUsageError('no documents to ingest');

        const remote = remoteTarget(flags);
        const { withStore } = await import('../open-store');
        const report = remote
          ? await ingestAll(valid, problems, output, remoteIngest(remote.url, remote.token), remote.note)
          : await withStore(flags.data, 'stancewatch ingest', async (store) => {
              const before = new Map(store.eventStore.appendedByType);
              const report = await ingestAll(valid, problems, output, async (document) => {
                const outcome = await store.ingest(document.input);
                return {
                  origin: document.origin,
                  documentId: outcome.documentId,
                  duplicate: outcome.duplicate,
                  statements: outcome.statements.length,
                };
              });
              await store.drain();
              const appended = (type: string) =>
                (store.eventStore.appendedByType.get(type) ?? 0) - (before.get(type) ?? 0);
              report.summary.positionsTaken = appended('PositionTaken');
              report.summary.positionChanges = appended('PositionChanged');
              report.summary.contradictions = appended('ContradictionDetected');
              return report;
            });
        output.result(report, () => humanReport(report));
        if (report.rejected.length > 0) process.exitCode = 1;
      }),
    );
}

function remoteTarget(flags: IngestFlags): { url: string; token: string | undefined; note?: string } | undefined {
  if (flags.api) return { url: flags.api, token: flags.token ?? cliConfig().cliToken };
  // `stancewatch start` holds the data folder: hand the documents to it rather than failing.
  const server = runningServer(flags.data);
  if (!server) return undefined;
  return {
    url: server.url,
    token: server.token,
    note: `the store is served by a running stancewatch (pid ${server.pid}): sending to ${server.url}`,
  };
}

function remoteIngest(url: string, token: string | undefined): IngestOne {
  return async (document) => {
    const answer = await postDocument(url, token, document.input);
    if (answer.status === 200 || answer.status === 201) {
      const statements = answer.body.statements;
      return {
        origin: document.origin,
        documentId: String(answer.body.documentId),
        duplicate: answer.body.duplicate === true,
        statements: Array.isArray(statements) ? statements.length : Number(statements ?? 0),
      };
    }
    if (answer.status === 401)
      throw new CliUsageError(`${url} refused the token (401): pass --token or set STANCEWATCH_TOKEN`);
    throw Object.assign(new Error(String(answer.body.message ?? `HTTP ${answer.status}`)), {
      rejectedByServer: answer.status >= 400 && answer.status < 500,
      code: String(answer.body.error ?? answer.status),
    });
  };
}

async function ingestAll(
  documents: InputDocument[],
  earlierProblems: InputProblem[],
  output: Output,
  ingestOne: IngestOne,
  note?: string,
): Promise<IngestReport> {
  if (note) process.stderr.write(`stancewatch: ${note}\n`);
  const bar =
    documents.length > PROGRESS_THRESHOLD && process.stderr.isTTY
      ? new SingleBar({ stream: process.stderr, format: 'ingesting [{bar}] {value}/{total} documents · {eta}s left' })
      : undefined;
  bar?.start(documents.length, 0);
  const results: DocumentResult[] = [];
  const rejected: InputProblem[] = [...earlierProblems];
  try {
    for (const document of documents) {
      try {
        results.push(await ingestOne(document));
      } catch (error) {
        // A document the store refuses (too large after HTML extraction, not text…) is reported;
        // anything else (the store is down) stops the run.
        if (!isRejection(error)) throw error;
        rejected.push({ origin: document.origin, message: (error as Error).message });
      }
      bar?.increment();
    }
  } finally {
    bar?.stop();
  }
  if (!bar && documents.length > PROGRESS_THRESHOLD && !output.json)
    output.info(`ingested ${documents.length} documents`);
  const duplicate = results.filter((result) => result.duplicate).length;
  return {
    documents: results,
    rejected,
    summary: {
      documents: documents.length + earlierProblems.length,
      new: results.length - duplicate,
      duplicate,
      rejected: rejected.length,
      statements: results.filter((result) => !result.duplicate).reduce((sum, result) => sum + result.statements, 0),
    },
  };
}

const isRejection = (error: unknown): boolean =>
  (isStancewatchError(error) &&
    ['VALIDATION_FAILED', 'DOCUMENT_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'].includes(error.code)) ||
  (error as { rejectedByServer?: boolean }).rejectedByServer === true;

function humanReport(report: IngestReport): string {
  const { summary } = report;
  const lines = report.rejected.map((problem) => `rejected ${problem.origin}: ${problem.message}`);
  const parts = [
    `${summary.documents} document(s): ${summary.new} new, ${summary.duplicate} duplicate, ${summary.rejected} rejected`,
    `${summary.statements} statement(s)`,
  ];
  if (summary.positionsTaken !== undefined) {
    parts.push(
      `${summary.positionsTaken} position(s) taken`,
      `${summary.positionChanges} change(s)`,
      `${summary.contradictions} contradiction(s)`,
    );
  }
  lines.push(parts.join(' · '));
  return lines.join('\n');
}
