import type { Evidence as EvidenceKind, Polarity } from '../../../events/statement';
import type { CueKind } from './codebook/compile';
import weights from './confidence-weights.json';

/**
 * How likely a statement is right: a logistic regression over how it was found (the evidence
 * flags below, its polarity and its evidence kind), fitted on the press development sets
 * (`npm run calibrate`, test/corpus/calibrate.ts; docs/positions.md, "Confidence: what the number
 * means"). A statement of confidence 0.8 is right about eight times in ten on writers the rules
 * were not tuned on; the weights and the data they were fitted on are in confidence-weights.json.
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
  /** The kind of the clause's first stance cue ("said", "welcomed", "vetoed", "must"), if it has one. */
  cue: CueKind | undefined;
  /** The clause is a condition ("only if …", "unless …"). */
  conditioned: boolean;
}

/**
 * What the rest of the document says around a draft, known only once all of its drafts are made
 * (stage 5, one pass over them): the same for every draft of one statement id, so it never changes
 * which draft of a statement is kept.
 */
export interface Setting {
  /** The draft's topic id: a per-topic term, read from the weights file (0 for a topic it does not know). */
  topic: string;
  /** The same (actor, topic, proposition, polarity) is drafted in another sentence of the document. */
  corroborated: boolean;
  /** The same (actor, topic, proposition) is drafted with another polarity in the document. */
  contested: boolean;
  /** The draft is in the document's first sentence. */
  lede: boolean;
  /** Drafts of more than one actor come from the draft's sentence. */
  crowded: boolean;
  /** The same (topic, proposition, polarity) is drafted for another actor in the document. */
  shared: boolean;
  /** The draft's sentence yields four drafts or more (of any actors): a list or a summary, often misread. */
  busy: boolean;
  /** The document's length, log2(1 + characters / 1000), 1 for a thousand characters (`documentLength`: a floor of 400). */
  length: number;
}

/** The setting of a draft nothing else is known about (a lone statement, past the first sentence, of a topic no weight names). */
export const PLAIN_SETTING: Setting = {
  topic: '',
  corroborated: false,
  contested: false,
  lede: false,
  crowded: false,
  shared: false,
  busy: false,
  length: 0,
};

/**
 * The shortest document the weights were fitted on has 400 characters: a shorter one (a test's
 * single sentence, a one-line flash) counts as that long, so the length term never reaches past
 * what the fit has seen.
 */
export const SHORTEST_DOCUMENT = 400;

/** The `length` of a document of `characters` characters (Setting). */
export const documentLength = (characters: number): number =>
  Math.log2(1 + Math.max(characters, SHORTEST_DOCUMENT) / 1000);

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

/**
 * The features the model reads, in the order of `confidence-weights.json`'s `features` (after the
 * intercept): the evidence flags, the polarity (support is the baseline) and the evidence kind
 * (speech is the baseline; a quote is `quoted`).
 */
export const CONFIDENCE_FEATURES = [
  'quoted',
  'framed',
  'named',
  'narrated',
  'hearsay',
  'analyst',
  'anonymous',
  'hedged',
  'indirect',
  'inherited',
  'act',
  'actionKind',
  'oppose',
  'conditional',
  'noCue',
  'speechCue',
  'attitudeCue',
  'deonticCue',
  'conditioned',
  'corroborated',
  'contested',
  'lede',
  'crowded',
  'shared',
  'busySentence',
  'documentLength',
] as const;

/** The feature vector of a draft, without the intercept (1 for a flag set, else 0; the document's length as it is). */
export function confidenceFeatures(evidence: Evidence, polarity: Polarity, setting: Setting = PLAIN_SETTING): number[] {
  return [
    evidence.quoted ? 1 : 0,
    evidence.framed ? 1 : 0,
    evidence.named ? 1 : 0,
    evidence.narrated ? 1 : 0,
    evidence.hearsay ? 1 : 0,
    evidence.analyst ? 1 : 0,
    evidence.anonymous ? 1 : 0,
    evidence.hedged ? 1 : 0,
    evidence.indirect ? 1 : 0,
    evidence.inherited ? 1 : 0,
    evidence.act ? 1 : 0,
    evidenceKindOf(evidence) === 'action' ? 1 : 0,
    polarity === 'oppose' ? 1 : 0,
    polarity === 'conditional' ? 1 : 0,
    evidence.cue === undefined ? 1 : 0,
    evidence.cue === 'speech' ? 1 : 0,
    evidence.cue === 'attitude' ? 1 : 0,
    evidence.cue === 'deontic' ? 1 : 0,
    evidence.conditioned ? 1 : 0,
    setting.corroborated ? 1 : 0,
    setting.contested ? 1 : 0,
    setting.lede ? 1 : 0,
    setting.crowded ? 1 : 0,
    setting.shared ? 1 : 0,
    setting.busy ? 1 : 0,
    setting.length,
  ];
}

/**
 * A fitted model: the intercept, then one weight per feature of CONFIDENCE_FEATURES, a term per
 * topic id, and a term per topic id for a conditional statement (added to the topic's own: how
 * often a condition on that topic is read right). A topic the model does not know adds 0, so any
 * codebook works.
 */
export interface ConfidenceWeights {
  readonly intercept: number;
  readonly weights: readonly number[];
  readonly topics?: Readonly<Record<string, number>>;
  readonly conditionalTopics?: Readonly<Record<string, number>>;
}

/** A topic's term in one of a model's per-topic tables; 0 for a topic (or a table) the model does not have. */
function topicTerm(terms: Readonly<Record<string, number>> | undefined, topic: string): number {
  // Own properties only: a topic id such as "constructor" is not a key of the prototype's.
  return terms !== undefined && Object.hasOwn(terms, topic) ? (terms[topic] ?? 0) : 0;
}

/** The probability a model gives, clamped to [0.05, 0.99] and rounded to two decimals. */
export function confidenceFrom(
  model: ConfidenceWeights,
  evidence: Evidence,
  polarity: Polarity,
  setting: Setting = PLAIN_SETTING,
): number {
  // Summed flag by flag (no feature array): it runs once per draft.
  const w = model.weights;
  let z = model.intercept;
  if (evidence.quoted) z += w[0] ?? 0;
  if (evidence.framed) z += w[1] ?? 0;
  if (evidence.named) z += w[2] ?? 0;
  if (evidence.narrated) z += w[3] ?? 0;
  if (evidence.hearsay) z += w[4] ?? 0;
  if (evidence.analyst) z += w[5] ?? 0;
  if (evidence.anonymous) z += w[6] ?? 0;
  if (evidence.hedged) z += w[7] ?? 0;
  if (evidence.indirect) z += w[8] ?? 0;
  if (evidence.inherited) z += w[9] ?? 0;
  if (evidence.act) z += w[10] ?? 0;
  if (evidenceKindOf(evidence) === 'action') z += w[11] ?? 0;
  if (polarity === 'oppose') z += w[12] ?? 0;
  else if (polarity === 'conditional') z += w[13] ?? 0;
  const cue = evidence.cue;
  if (cue === undefined) z += w[14] ?? 0;
  else if (cue === 'speech') z += w[15] ?? 0;
  else if (cue === 'attitude') z += w[16] ?? 0;
  else if (cue === 'deontic') z += w[17] ?? 0;
  if (evidence.conditioned) z += w[18] ?? 0;
  if (setting.corroborated) z += w[19] ?? 0;
  if (setting.contested) z += w[20] ?? 0;
  if (setting.lede) z += w[21] ?? 0;
  if (setting.crowded) z += w[22] ?? 0;
  if (setting.shared) z += w[23] ?? 0;
  if (setting.busy) z += w[24] ?? 0;
  z += (w[25] ?? 0) * setting.length;
  z += topicTerm(model.topics, setting.topic);
  if (polarity === 'conditional') z += topicTerm(model.conditionalTopics, setting.topic);
  const p = 1 / (1 + Math.exp(-z));
  return Math.round(Math.min(0.99, Math.max(0.05, p)) * 100) / 100;
}

/** The committed model (confidence-weights.json). */
export const FITTED_CONFIDENCE: ConfidenceWeights = weights;

/** The estimated probability that a statement drafted with this evidence and polarity is right. */
export function confidenceOf(evidence: Evidence, polarity: Polarity, setting: Setting = PLAIN_SETTING): number {
  return confidenceFrom(FITTED_CONFIDENCE, evidence, polarity, setting);
}
