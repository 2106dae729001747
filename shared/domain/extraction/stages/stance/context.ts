import type { Attribution, Polarity } from '../../../../../events/statement';
import type { CompiledCodebook } from '../../codebook/compile';
import type { Evidence } from '../../confidence';
import { addTo } from '../../list-buffer';
import type { AnalysedText } from '../../nlp';
import type { Discourse, Holder } from '../discourse';
import type { Sentence } from '../sentences';

/** What drafting one sentence reads, and the drafts it yields. */

export interface Draft {
  sentenceIndex: number;
  actor: string;
  speaker?: string;
  topic: string;
  proposition: string;
  polarity: Polarity;
  attribution: Attribution;
  reportedBy?: string;
  evidence: Evidence;
  /** Tokens of the reporting clause, where a date of the statement may be written. */
  dateWindow: [number, number];
  /**
   * For an act the narrator tells (no frame, no quotation): the year after "since" in the rest of
   * its sentence ("has hosted four rounds since May 2025"), or 0. Stage 5 drops the act when that
   * year is before the publication's and the sentence dates nothing to a day of the story.
   */
  sinceYear: number;
}

/** What drafting a sentence yields. */
export interface SentenceDrafts {
  drafts: Draft[];
  /** The holder of the sentence's main clause, if it has one. */
  mainHolder?: Holder;
}

/**
 * What drafting a sentence reads, and what it yields so far: draftSentence returns it as its
 * result (one object per sentence, not a context and a result).
 */
export interface Context extends SentenceDrafts {
  compiled: CompiledCodebook;
  text: AnalysedText;
  sentence: Sentence;
  discourse: Discourse;
}

/** The drafts of a sentence that has none (shared; callers only read it). */
export const NO_DRAFTS: Draft[] = [];

export function addDraft(ctx: Context, draft: Draft): void {
  ctx.drafts = addTo(ctx.drafts, NO_DRAFTS, draft);
}
