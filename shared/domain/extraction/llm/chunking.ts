import type { DocumentSentence } from './sentences';

/**
 * Splits the sentences to ask about into chunks that fit one model call. A chunk is a run of
 * sentences in document order: the targets (sentences to extract from) and, before each run of
 * targets, a few preceding sentences as context (who "he" is, what "the request" was), which the
 * model is told not to extract from. Sentences are never cut: a chunk ends at a sentence boundary.
 */

export interface ChunkSentence extends DocumentSentence {
  /** Extract from this sentence; false: context only. */
  target: boolean;
}

export interface Chunk {
  sentences: ChunkSentence[];
  /** Characters of sentence text in the chunk (the budget's unit). */
  chars: number;
}

export interface ChunkingOptions {
  /**
   * Most characters of sentence text per chunk (about 4 characters per token for English). A single
   * sentence longer than this still gets a chunk of its own.
   */
  maxChars: number;
  /** Preceding sentences shown as context before a target that does not follow the previous one. */
  contextSentences: number;
}

export const DEFAULT_CHUNKING: ChunkingOptions = { maxChars: 12_000, contextSentences: 2 };

/**
 * Chunks for the given targets (sentence indexes); all sentences are targets when `targets` is
 * omitted. Every target lands in exactly one chunk, in order.
 */
export function chunkSentences(
  sentences: readonly DocumentSentence[],
  options: ChunkingOptions = DEFAULT_CHUNKING,
  targets?: ReadonlySet<number>,
): Chunk[] {
  const maxChars = Math.max(1, options.maxChars);
  const contextCount = Math.max(0, options.contextSentences);
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  let lastIncluded = -1;

  sentences.forEach((sentence, position) => {
    if (targets && !targets.has(sentence.index)) return;
    const contiguous = current !== undefined && lastIncluded === position - 1;
    const context: DocumentSentence[] = [];
    if (!contiguous || current === undefined) {
      for (let k = Math.max(0, position - contextCount); k < position; k += 1) {
        if (current && k <= lastIncluded) continue;
        const previous = sentences[k];
        if (previous) context.push(previous);
      }
    }
    const needed = sentence.text.length + context.reduce((sum, s) => sum + s.text.length, 0);
    if (current && current.chars + needed > maxChars) {
      chunks.push(current);
      current = undefined;
      // A new chunk needs its own context, even after a contiguous run.
      context.length = 0;
      for (let k = Math.max(0, position - contextCount); k < position; k += 1) {
        const previous = sentences[k];
        if (previous) context.push(previous);
      }
    }
    current ??= { sentences: [], chars: 0 };
    for (const previous of context) {
      current.sentences.push({ ...previous, target: false });
      current.chars += previous.text.length;
    }
    current.sentences.push({ ...sentence, target: true });
    current.chars += sentence.text.length;
    lastIncluded = position;
  });
  if (current) chunks.push(current);
  return chunks;
}

/** Halves a chunk's targets (each half keeps the context it needs): used when an answer was cut off. */
export function splitChunk(chunk: Chunk, all: readonly DocumentSentence[], contextSentences: number): Chunk[] {
  const targets = chunk.sentences.filter((sentence) => sentence.target);
  if (targets.length < 2) return [chunk];
  const half = Math.ceil(targets.length / 2);
  const halves = [targets.slice(0, half), targets.slice(half)];
  return halves.flatMap((part) =>
    chunkSentences(all, { maxChars: Number.MAX_SAFE_INTEGER, contextSentences }, new Set(part.map((s) => s.index))),
  );
}
