import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { MAX_RAW_DOCUMENT_BYTES } from '../shared/domain/documents/document-limits';

/** One document to ingest and where it came from (for messages): `file`, `file:line` or `stdin`. */
export interface InputDocument {
  origin: string;
  input: Record<string, unknown>;
}

export interface InputProblem {
  origin: string;
  message: string;
}

export interface InputDefaults {
  date?: string;
  title?: string;
  source?: string;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.html', '.htm']);
const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);

export interface ReadOptions {
  /**
   * Checks each document as it is read (ingest: the document schema); what it throws becomes that
   * input's problem, in its place, so problems are listed in input order (file, then line).
   */
  check?: (input: Record<string, unknown>) => void;
  stdin?: () => Promise<string>;
}

/** The documents and problems found so far, each in input order. */
class Inputs {
  readonly documents: InputDocument[] = [];
  readonly problems: InputProblem[] = [];
  readonly #check: ReadOptions['check'];

  constructor(check: ReadOptions['check']) {
    this.#check = check;
  }

  problem(origin: string, message: string): void {
    this.problems.push({ origin, message });
  }

  document(origin: string, input: Record<string, unknown>): void {
    try {
      this.#check?.(input);
    } catch (error) {
      this.problem(origin, error instanceof Error ? error.message : String(error));
      return;
    }
    this.documents.push({ origin, input });
  }
}

/**
 * Reads `ingest` arguments: files, directories (recursively: .txt .md .html .htm .jsonl), JSONL
 * files (one document per line) and `-` (stdin: JSONL if every line is a JSON object, else one text
 * document). Problems are collected, not thrown, so all of them can be reported at once.
 */
export async function readDocumentInputs(
  paths: readonly string[],
  defaults: InputDefaults,
  options: ReadOptions = {},
): Promise<{ documents: InputDocument[]; problems: InputProblem[] }> {
  const found = new Inputs(options.check);
  const stdin = options.stdin ?? readStdin;
  for (const path of paths) {
    if (path === '-') {
      const content = await stdin();
      if (looksLikeJsonl(content)) parseJsonlLines('stdin', content.split('\n'), defaults, found);
      else addTextDocument('stdin', content, 'stdin', defaults, found);
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch {
      found.problem(path, 'no such file or directory');
      continue;
    }
    if (info.isDirectory()) {
      for (const file of await listDocumentFiles(path)) await readFileInput(file, defaults, found);
    } else {
      await readFileInput(path, defaults, found);
    }
  }
  return { documents: found.documents, problems: found.problems };
}

async function listDocumentFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await listDocumentFiles(path)));
    else if (
      TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase()) ||
      JSONL_EXTENSIONS.has(extname(entry.name).toLowerCase())
    )
      files.push(path);
  }
  return files;
}

async function readFileInput(path: string, defaults: InputDefaults, found: Inputs): Promise<void> {
  if (JSONL_EXTENSIONS.has(extname(path).toLowerCase())) {
    const lines: string[] = [];
    const reader = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of reader) lines.push(line);
    parseJsonlLines(path, lines, defaults, found);
    return;
  }
  const { size } = await stat(path);
  if (size > MAX_RAW_DOCUMENT_BYTES) {
    found.problem(path, `the file is ${size} bytes; documents are limited to ${MAX_RAW_DOCUMENT_BYTES}`);
    return;
  }
  const bytes = await readFile(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    found.problem(path, 'the file is not UTF-8 text');
    return;
  }
  addTextDocument(path, text, basename(path, extname(path)), defaults, found);
}

function addTextDocument(
  origin: string,
  text: string,
  fallbackTitle: string,
  defaults: InputDefaults,
  found: Inputs,
): void {
  if (!defaults.date) {
    found.problem(origin, 'text documents need --date YYYY-MM-DD (or use JSONL lines with "publishedAt")');
    return;
  }
  found.document(origin, {
    text,
    publishedAt: defaults.date,
    title: defaults.title ?? fallbackTitle,
    ...(defaults.source ? { source: defaults.source } : {}),
  });
}

function parseJsonlLines(origin: string, lines: readonly string[], defaults: InputDefaults, found: Inputs): void {
  lines.forEach((line, index) => {
    if (line.trim().length === 0) return;
    const lineOrigin = `${origin}:${index + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      found.problem(lineOrigin, 'not valid JSON');
      return;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      found.problem(lineOrigin, 'each line must be a JSON object {publishedAt, text, …}');
      return;
    }
    const record = parsed as Record<string, unknown>;
    found.document(lineOrigin, {
      ...(defaults.date && record.publishedAt === undefined ? { publishedAt: defaults.date } : {}),
      ...(defaults.source && record.source === undefined ? { source: defaults.source } : {}),
      ...record,
    });
  });
}

const looksLikeJsonl = (content: string): boolean => {
  const lines = content.split('\n').filter((line) => line.trim().length > 0);
  return (
    lines.length > 0 &&
    lines.every((line) => {
      try {
        const value = JSON.parse(line);
        return value !== null && typeof value === 'object' && !Array.isArray(value);
      } catch {
        return false;
      }
    })
  );
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    // Enough for a JSONL batch; a runaway pipe is cut off with a clear message instead of filling memory.
    if (total > 512 * 1024 * 1024) throw new Error('stdin is larger than 512 MB');
    chunks.push(chunk as Buffer);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}
