import * as z from 'zod';

/**
 * The extraction contract: one actor's stance on one proposition, with the exact sentence as
 * evidence. Embedded in StatementExtracted events, so changing a field's meaning needs a new
 * event schema version and an upcaster, never an edit here.
 */

/** Canonical ids are kebab-case; propositions may carry a namespace ("venue:belarus"). */
export const ActorId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'actor ids are kebab-case, e.g. "united-states"');
export const TopicId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'topic ids are kebab-case, e.g. "security-guarantees"');
export const PropositionId = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*(?::[a-z0-9]+(?:-[a-z0-9]+)*)?$/,
    'proposition ids are kebab-case with an optional namespace, e.g. "venue:belarus"',
  );

export const Polarity = z.enum(['support', 'oppose', 'conditional']);
export type Polarity = z.infer<typeof Polarity>;

export const Attribution = z.enum(['direct', 'reported']);
export type Attribution = z.infer<typeof Attribution>;

/**
 * How the text carries the stance: the actor's own quoted words (`quote`), reported speech of the
 * actor or one who speaks for it (`speech`), or an act that is itself the stance, such as a vote, a
 * veto, a signature or a cancelled meeting (`action`). The reporter's own narrative is no statement.
 */
export const Evidence = z.enum(['quote', 'speech', 'action']);
export type Evidence = z.infer<typeof Evidence>;

/** ISO calendar date (YYYY-MM-DD) or a full ISO-8601 timestamp. */
export const IsoDateOrTimestamp = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const Statement = z.object({
  statementId: z.string().min(1).max(128),
  documentId: z.string().min(1).max(160),
  sentenceIndex: z.number().int().nonnegative(),
  quote: z.string().min(1).max(5000),
  actor: ActorId,
  speaker: z.string().min(1).max(200).optional(),
  topic: TopicId,
  proposition: PropositionId,
  polarity: Polarity,
  attribution: Attribution,
  evidence: Evidence,
  reportedBy: ActorId.optional(),
  confidence: z.number().min(0).max(1),
  statedAt: IsoDateOrTimestamp,
});
export type Statement = z.infer<typeof Statement>;
