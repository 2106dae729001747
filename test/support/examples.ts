import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The bundled examples that `npm start` ingests (one document per JSONL line). */
export const EXAMPLES_PATH = fileURLToPath(new URL('../../examples/documents.jsonl', import.meta.url));

/** The bundled examples, parsed; the type says which fields the caller reads. */
export function exampleDocuments<T = Record<string, unknown>>(): T[] {
  return readFileSync(EXAMPLES_PATH, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as T);
}
