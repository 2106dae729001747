import type { Evidence as EvidenceKind } from '../../../events/statement';

/**
 * How much to trust a statement, from how it was found. Starts from the kind of evidence (a direct
 * quote of a named speaker is best; the narrator's summary of a country's stance less so; one
 * party's account of another's stance least), then discounts for unnamed or expert sources,
 * hedges ("reportedly"), pronouns resolved across sentences, and propositions found only through
 * an anaphor ("a request that Kyiv rejected") or a condition ("only after Ukraine withdraws").
 */

export interface Evidence {
  /** The statement comes from inside quotation marks. */
  quoted: boolean;
  /** Reported speech with a speaker (a reporting verb, "according to", a quotation). */
  framed: boolean;
  /** The holder or speaker is named in the sentence (not a pronoun or a role resolved from context). */
  named: boolean;
  /** Attribution is `reported`: the narrator states the stance as fact. */
  narrated: boolean;
  /** One interested party characterising another's stance. */
  hearsay: boolean;
  analyst: boolean;
  anonymous: boolean;
  hedged: boolean;
  /** The proposition was found indirectly: through an anaphor, or as what a condition asks for. */
  indirect: boolean;
  /** The holder was carried over from an earlier clause. */
  inherited: boolean;
  /** The stance is an act (a vote, a veto, a signature, a cancelled meeting), not words. */
  act: boolean;
}

/**
 * The evidence kind a statement carries: the actor's own quoted words, an act, or else reported
 * speech (a reporting frame, or the text stating what the actor holds or demands).
 */
export function evidenceKindOf(evidence: Evidence): EvidenceKind {
  if (evidence.quoted) return 'quote';
  // "X said Germany would deliver the missiles" reports words about an act, not the act.
  if (evidence.act && !evidence.framed) return 'action';
  return 'speech';
}

export function confidenceOf(evidence: Evidence): number {
  let score: number;
  if (evidence.hearsay) score = 0.6;
  else if (evidence.quoted) score = 0.95;
  else if (evidence.framed) score = 0.9;
  else if (evidence.narrated) score = 0.75;
  else score = 0.85;
  if (!evidence.named) score -= 0.05;
  if (evidence.inherited) score -= 0.05;
  if (evidence.indirect) score -= 0.1;
  if (evidence.hedged) score -= 0.15;
  if (evidence.anonymous) score *= 0.65;
  if (evidence.analyst) score *= 0.5;
  return Math.round(Math.min(0.99, Math.max(0.05, score)) * 100) / 100;
}
