import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { MAX_RAW_DOCUMENT_BYTES } from '../../shared/domain/documents/document-limits';
import { formatStatements } from '../../shared/domain/extraction/statements-format';
import { action, CliUsageError, createOutput } from '../cli-output';
import { cliConfig } from '../config';

interface ExtractFlags {
  date?: string;
  title?: string;
  source?: string;
  json?: boolean;
}

/** `stancewatch extract <file>`: statements of one document, without touching any store. */
export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('print the statements found in one document (text or HTML); stores nothing')
    .argument('<file>', 'a text or HTML file, or - for stdin')
    .option('--date <YYYY-MM-DD>', 'publication date: the default date of every statement (default: today)')
    .option('--title <title>', 'document title')
    .option('--source <source>', 'where the document comes from')
    .option('--json', 'print {documentId, extractorVersion, statements} as JSON only')
    .action(
      action(async (file: string, flags: ExtractFlags) => {
        const output = createOutput(flags.json ?? false);
        const text = await readText(file);
        const { prepareDocument } = await import('../../shared/domain/documents/document-input');
        const { createExtractor } = await import('../../shared/wiring/extractor');
        const document = prepareDocument({
          text,
          publishedAt: flags.date ?? new Date().toISOString().slice(0, 10),
          ...(flags.title ? { title: flags.title } : {}),
          ...(flags.source ? { source: flags.source } : {}),
        });
        const result = await createExtractor(cliConfig()).extract({
          documentId: document.documentId,
          text: document.text,
          publishedAt: document.publishedAt,
          ...(document.title ? { title: document.title } : {}),
          ...(document.source ? { source: document.source } : {}),
        });
        output.result(
          {
            documentId: document.documentId,
            extractorVersion: result.extractorVersion,
            codebookVersion: result.codebookVersion,
            statements: result.statements,
          },
          () =>
            `${document.documentId} (${result.extractorVersion}, codebook ${result.codebookVersion}): ` +
            `${result.statements.length} statement(s)\n${formatStatements(result.statements)}`,
        );
      }),
    );
}

async function readText(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return decodeUtf8(Buffer.concat(chunks), 'stdin');
  }
  const info = await stat(file).catch(() => undefined);
  if (!info) throw new CliUsageError(`${file}: no such file`);
  if (info.isDirectory())
    throw new CliUsageError(`${file} is a directory; extract reads one document (ingest takes directories)`);
  if (info.size > MAX_RAW_DOCUMENT_BYTES) {
    throw new CliUsageError(`${file}: ${info.size} bytes; documents are limited to ${MAX_RAW_DOCUMENT_BYTES} bytes`);
  }
  return decodeUtf8(await readFile(file), file);
}

function decodeUtf8(bytes: Buffer, origin: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliUsageError(`${origin}: not UTF-8 text`);
  }
}
