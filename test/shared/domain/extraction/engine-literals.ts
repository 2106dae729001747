import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ENGINE = join(import.meta.dirname, '../../../../shared/domain/extraction');

/** Folders of the engine that are rules, not data or prompts: their code must read no English of its own. */
const RULE_FOLDERS = new Set(['stages']);

function sourcesUnder(folder: string, recursive: boolean): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      const rules = relative(ENGINE, path).split('/')[0]!;
      return recursive || RULE_FOLDERS.has(rules) ? sourcesUnder(path, recursive) : [];
    }
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The string literals in the extraction engine's code (comments may quote examples; code may not),
 * for the tests that keep domain ids and English words out of it. `pattern` matches one literal,
 * its quote in group 1 and its value in group 2. The rules' own folders (stages/) are always read;
 * `recursive` takes the other subfolders too (the codebook's compiler, the LLM extractor).
 */
export function engineLiterals(
  pattern: RegExp,
  recursive: boolean,
): { file: string; literal: string; value: string }[] {
  return sourcesUnder(ENGINE, recursive).flatMap((path) => {
    const source = readFileSync(path, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    return [...source.matchAll(pattern)].map((match) => ({
      file: relative(ENGINE, path),
      literal: match[0],
      value: match[2]!,
    }));
  });
}
