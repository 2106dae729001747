import * as z from 'zod';
import { IsoDateOrTimestamp, Statement } from '../../../../events/statement';
import { statementIdFor } from '../statement-id';
import type { Catalogue } from './catalogue';
import type { Chunk, ChunkSentence } from './chunking';
import { normaliseForMatch } from './sentences';

/**
 * A model's answer is never trusted: the tool input is parsed with zod, statement by statement
 * (one bad statement never costs the others), and each statement is checked against the document
 * and the codebook. What fails is dropped and counted by reason; what passes becomes a Statement
 * whose quote is the document's own sentence (never the model's copy) and whose id is the one the
 * rules would derive.
 */

export const DROP_REASONS = [
  /** Not an object of the expected shape (missing field, wrong type, bad enum value). */
  'malformed-statement',
  /** The quote is nowhere in the document: invented or paraphrased. */
  'quote-not-in-document',
  /** The quote is in the document but is not one whole sentence of the chunk (a fragment, or elsewhere). */
  'quote-not-a-sentence',
  /** A sentence shown as context only. */
  'context-sentence',
  'unknown-actor',
  'unknown-topic',
  'unknown-proposition',
  /** Passed the checks but not the Statement schema (should not happen; kept as a safety net). */
  'invalid-statement',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];
export type DropCounts = Record<DropReason, number>;

export const noDrops = (): DropCounts => Object.fromEntries(DROP_REASONS.map((reason) => [reason, 0])) as DropCounts;

export const addDrops = (into: DropCounts, from: DropCounts): DropCounts => {
  for (const reason of DROP_REASONS) into[reason] += from[reason];
  return into;
};

export const totalDrops = (drops: DropCounts): number => DROP_REASONS.reduce((sum, reason) => sum + drops[reason], 0);

/** A whole answer that could not be read: the chunk yields nothing (the document still goes on). */
export type MalformedAnswer = 'no-tool-use' | 'malformed-json' | 'not-an-object' | 'truncated';

/** The shape the tool asks for; strings are checked against the codebook afterwards, not here. */
const ModelStatement = z.object({
  sentence: z.number().int().nonnegative(),
  quote: z.string().min(1).max(10_000),
  actor: z.string().min(1).max(100),
  speaker: z.string().max(200).nullish(),
  topic: z.string().min(1).max(100),
  proposition: z.string().min(1).max(200),
  polarity: z.enum(['support', 'oppose', 'conditional']),
  attribution: z.enum(['direct', 'reported']),
  /** Asked for, but an answer without it is still read: as `speech`, the kind that claims least. */
  evidence: z.enum(['quote', 'speech', 'action']).nullish(),
  reportedBy: z.string().max(100).nullish(),
  confidence: z.number().min(0).max(1),
  statedAt: z.string().max(40).nullish(),
});
type ModelStatement = z.infer<typeof ModelStatement>;

const ToolInput = z.object({ statements: z.array(z.unknown()) });

export interface ReadAnswerContext {
  catalogue: Catalogue;
  documentId: string;
  publishedAt: string;
  /** The whole document text: tells a fragment or a sentence outside the chunk from an invented quote. */
  documentText: string;
  /** A model's own confidence is not calibrated: it is capped here (default 0.9). */
  maxConfidence?: number;
}

export interface ReadAnswerResult {
  statements: Statement[];
  drops: DropCounts;
  /** Set when the answer as a whole was unusable. */
  malformed?: MalformedAnswer;
  /** Dropped statements with their reason, for the log (the model's fields, shortened). */
  dropped: Array<{ reason: DropReason; actor?: string; topic?: string; proposition?: string; sentence?: number }>;
}

/**
 * Reads the tool input of one answer. `toolInput` is what the model passed to the tool: normally
 * an object; a JSON string is parsed (some models send one); anything else is a malformed answer.
 */
export function readAnswer(toolInput: unknown, chunk: Chunk, context: ReadAnswerContext): ReadAnswerResult {
  const result: ReadAnswerResult = { statements: [], drops: noDrops(), dropped: [] };
  let input = toolInput;
  if (input === undefined) return { ...result, malformed: 'no-tool-use' };
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch {
      return { ...result, malformed: 'malformed-json' };
    }
  }
  const parsed = ToolInput.safeParse(input);
  if (!parsed.success) return { ...result, malformed: 'not-an-object' };

  const bySentence = new Map(chunk.sentences.map((sentence) => [sentence.index, sentence]));
  const byText = new Map<string, ChunkSentence[]>();
  for (const sentence of chunk.sentences) {
    const key = normaliseForMatch(sentence.text);
    byText.set(key, [...(byText.get(key) ?? []), sentence]);
  }
  const normalisedDocument = normaliseForMatch(context.documentText);
  const byId = new Map<string, Statement>();

  const drop = (reason: DropReason, candidate?: Partial<ModelStatement>) => {
    result.drops[reason] += 1;
    result.dropped.push({
      reason,
      ...(typeof candidate?.actor === 'string' ? { actor: candidate.actor.slice(0, 60) } : {}),
      ...(typeof candidate?.topic === 'string' ? { topic: candidate.topic.slice(0, 60) } : {}),
      ...(typeof candidate?.proposition === 'string' ? { proposition: candidate.proposition.slice(0, 80) } : {}),
      ...(typeof candidate?.sentence === 'number' ? { sentence: candidate.sentence } : {}),
    });
  };

  for (const raw of parsed.data.statements) {
    const candidate = ModelStatement.safeParse(raw);
    if (!candidate.success) {
      drop('malformed-statement', raw && typeof raw === 'object' ? (raw as Partial<ModelStatement>) : undefined);
      continue;
    }
    const model = candidate.data;
    const sentence = locateQuote(model, bySentence, byText);
    if (!sentence) {
      const quote = normaliseForMatch(model.quote);
      drop(
        quote.length > 0 && normalisedDocument.includes(quote) ? 'quote-not-a-sentence' : 'quote-not-in-document',
        model,
      );
      continue;
    }
    if (!sentence.target) {
      drop('context-sentence', model);
      continue;
    }
    const reportedBy = model.reportedBy?.trim() || undefined;
    if (
      !context.catalogue.isActor(model.actor) ||
      (reportedBy !== undefined && !context.catalogue.isActor(reportedBy))
    ) {
      drop('unknown-actor', model);
      continue;
    }
    if (!context.catalogue.isTopic(model.topic)) {
      drop('unknown-topic', model);
      continue;
    }
    if (!context.catalogue.isProposition(model.topic, model.proposition)) {
      drop('unknown-proposition', model);
      continue;
    }
    const statement = toStatement(model, sentence, reportedBy, context);
    const checked = Statement.safeParse(statement);
    if (!checked.success) {
      drop('invalid-statement', model);
      continue;
    }
    const existing = byId.get(checked.data.statementId);
    if (!existing || existing.confidence < checked.data.confidence) byId.set(checked.data.statementId, checked.data);
  }
  result.statements = [...byId.values()];
  return result;
}

/**
 * How a quote is mapped to a sentence: the sentence the model numbered, if its text equals the
 * quote (after `normaliseForMatch`); otherwise the one sentence of the chunk whose text equals the
 * quote (the model miscounted). A quote equal to no sentence of the chunk, or to several, maps to
 * nothing and the statement is dropped.
 */
function locateQuote(
  model: ModelStatement,
  bySentence: ReadonlyMap<number, ChunkSentence>,
  byText: ReadonlyMap<string, ChunkSentence[]>,
): ChunkSentence | undefined {
  const quote = normaliseForMatch(model.quote);
  if (quote.length === 0) return undefined;
  const numbered = bySentence.get(model.sentence);
  if (numbered && normaliseForMatch(numbered.text) === quote) return numbered;
  const same = byText.get(quote) ?? [];
  return same.length === 1 ? same[0] : undefined;
}

function toStatement(
  model: ModelStatement,
  sentence: ChunkSentence,
  reportedByRaw: string | undefined,
  context: ReadAnswerContext,
): Statement {
  // Hearsay about oneself is not hearsay; hearsay is always "reported".
  const reportedBy = reportedByRaw && reportedByRaw !== model.actor ? reportedByRaw : undefined;
  const attribution = reportedBy ? 'reported' : model.attribution;
  const speaker = speakerIn(model.speaker, context);
  const maxConfidence = context.maxConfidence ?? 0.9;
  return {
    statementId: statementIdFor({
      documentId: context.documentId,
      sentenceIndex: sentence.index,
      actor: model.actor,
      topic: model.topic,
      proposition: model.proposition,
      polarity: model.polarity,
      reportedBy,
    }),
    documentId: context.documentId,
    sentenceIndex: sentence.index,
    quote: sentence.text,
    actor: model.actor,
    ...(speaker ? { speaker } : {}),
    topic: model.topic,
    proposition: model.proposition,
    polarity: model.polarity,
    attribution,
    evidence: model.evidence ?? 'speech',
    ...(reportedBy ? { reportedBy } : {}),
    confidence: Math.round(Math.min(model.confidence, maxConfidence) * 100) / 100,
    statedAt: statedAtFor(model.statedAt, context.publishedAt),
  };
}

/** A speaker is kept only if the document names them (as written, or by a codebook alias). */
function speakerIn(speaker: string | null | undefined, context: ReadAnswerContext): string | undefined {
  const name = speaker?.trim();
  if (!name) return undefined;
  const text = context.documentText.toLowerCase();
  if (text.includes(name.toLowerCase())) return name;
  const forms = context.catalogue.personNames().get(name);
  return forms?.some((form) => text.includes(form.toLowerCase())) ? name : undefined;
}

/**
 * The model's date is used only if it is a calendar date no later than publication (a statement
 * cannot be reported before it is made); otherwise the publication date, as the rules do.
 */
function statedAtFor(statedAt: string | null | undefined, publishedAt: string): string {
  const date = statedAt?.trim();
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !IsoDateOrTimestamp.safeParse(date).success) return publishedAt;
  return date <= publishedAt.slice(0, 10) ? date : publishedAt;
}
