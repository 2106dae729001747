import { describe, expect, it } from 'vitest';
import {
  CONFIDENCE_FEATURES,
  confidenceFeatures,
  confidenceFrom,
  confidenceOf,
  documentLength,
  type Evidence,
  FITTED_CONFIDENCE,
  PLAIN_SETTING,
  type Setting,
  SHORTEST_DOCUMENT,
} from '../../../../shared/domain/extraction/confidence';

/** Reported speech of a speaker the sentence names, in a reporting frame ("Lavrov said Russia …"). */
const plainNamed: Evidence = {
  quoted: false,
  framed: true,
  named: true,
  narrated: false,
  hearsay: false,
  analyst: false,
  anonymous: false,
  hedged: false,
  indirect: false,
  inherited: false,
  act: false,
  cue: 'speech',
  conditioned: false,
};

/** Drafts that between them set and leave unset every feature. */
const DRAFTS: Array<[Evidence, 'support' | 'oppose' | 'conditional', Setting]> = [
  [plainNamed, 'support', PLAIN_SETTING],
  [
    { ...plainNamed, quoted: true, inherited: true, cue: undefined },
    'oppose',
    { ...PLAIN_SETTING, corroborated: true },
  ],
  [
    { ...plainNamed, framed: false, act: true, cue: 'action', narrated: true },
    'support',
    { ...PLAIN_SETTING, contested: true, lede: true },
  ],
  // An act told in a reporting frame is speech: `act` is read, the action kind is not.
  [{ ...plainNamed, act: true, cue: 'action' }, 'support', { ...PLAIN_SETTING, crowded: true }],
  [
    { ...plainNamed, hearsay: true, analyst: true, anonymous: true, hedged: true, cue: 'attitude' },
    'conditional',
    { ...PLAIN_SETTING, shared: true, busy: true },
  ],
  [
    { ...plainNamed, indirect: true, conditioned: true, cue: 'deontic', named: false },
    'conditional',
    // A document of a thousand characters: its length feature is 1, so a weight reads as for a flag.
    {
      topic: 'ceasefire',
      corroborated: true,
      contested: true,
      lede: true,
      crowded: true,
      shared: true,
      busy: true,
      length: 1,
    },
  ],
];

describe('confidenceOf: the fitted probability that a statement is right', () => {
  it('puts a hedged, anonymous, hearsay draft below a plain named one', () => {
    const doubtful = { ...plainNamed, named: false, hedged: true, anonymous: true, hearsay: true };
    expect(confidenceOf(doubtful, 'support')).toBeLessThan(confidenceOf(plainNamed, 'support'));
  });

  it('lowers a proposition found only through an anaphor, and a holder carried over from another clause', () => {
    expect(confidenceOf({ ...plainNamed, indirect: true }, 'support')).toBeLessThan(
      confidenceOf(plainNamed, 'support'),
    );
    expect(confidenceOf({ ...plainNamed, inherited: true }, 'support')).toBeLessThan(
      confidenceOf(plainNamed, 'support'),
    );
  });

  it('puts hearsay below every other kind of evidence of the same stance', () => {
    const hearsay = confidenceOf({ ...plainNamed, hearsay: true }, 'oppose');
    for (const other of [
      plainNamed,
      { ...plainNamed, quoted: true },
      { ...plainNamed, framed: false, narrated: true },
      { ...plainNamed, framed: false, narrated: true, act: true, cue: 'action' as const },
    ]) {
      expect(hearsay).toBeLessThan(confidenceOf(other, 'oppose'));
    }
  });

  it('is the committed model: a probability in [0.05, 0.99], rounded to two decimals', () => {
    const z =
      FITTED_CONFIDENCE.intercept +
      confidenceFeatures(plainNamed, 'oppose').reduce((sum, x, j) => sum + x * FITTED_CONFIDENCE.weights[j]!, 0);
    expect(confidenceOf(plainNamed, 'oppose')).toBe(Math.round(100 / (1 + Math.exp(-z))) / 100);
    expect(FITTED_CONFIDENCE.weights).toHaveLength(CONFIDENCE_FEATURES.length);
  });

  it('clamps what the model gives to [0.05, 0.99]', () => {
    const certain = { intercept: 50, weights: [] };
    const hopeless = { intercept: -50, weights: [] };
    expect(confidenceFrom(certain, plainNamed, 'support')).toBe(0.99);
    expect(confidenceFrom(hopeless, plainNamed, 'support')).toBe(0.05);
  });

  it('sums the same features the tooling fits on (confidenceFeatures), for every flag', () => {
    // One weight per feature, each a distinct power of two: the sum tells which features were read.
    const probe = { intercept: 0, weights: CONFIDENCE_FEATURES.map((_, j) => 2 ** -(j + 2)) };
    for (const [evidence, polarity, setting] of DRAFTS) {
      const z = confidenceFeatures(evidence, polarity, setting).reduce((sum, x, j) => sum + x * probe.weights[j]!, 0);
      expect(confidenceFrom(probe, evidence, polarity, setting)).toBe(Math.round(100 / (1 + Math.exp(-z))) / 100);
    }
  });

  it('reads each feature where confidenceFeatures puts it: one weight at a time', () => {
    // The sum above rounds to two decimals, so the smallest weights could go unseen: here a single
    // weight of 4 gives 0.98 when its feature is read and 0.5 when not, feature by feature.
    for (const [j, name] of CONFIDENCE_FEATURES.entries()) {
      const probe = { intercept: 0, weights: CONFIDENCE_FEATURES.map((_, k) => (k === j ? 4 : 0)) };
      let read = 0;
      for (const [evidence, polarity, setting] of DRAFTS) {
        const isRead = confidenceFeatures(evidence, polarity, setting)[j] === 1;
        if (isRead) read += 1;
        expect(confidenceFrom(probe, evidence, polarity, setting), name).toBe(isRead ? 0.98 : 0.5);
      }
      // Every feature is set by at least one of the drafts, and left unset by another.
      expect(read, name).toBeGreaterThan(0);
      expect(read, name).toBeLessThan(DRAFTS.length);
    }
  });

  it("reads a topic's term from the model's topics, and 0 for a topic the model does not know", () => {
    const probe = { intercept: 0, weights: [], topics: { ceasefire: 4, talks: -4 } };
    const on = (topic: string) => confidenceFrom(probe, plainNamed, 'support', { ...PLAIN_SETTING, topic });
    expect(on('ceasefire')).toBe(0.98);
    expect(on('talks')).toBe(0.05);
    for (const unknown of ['', 'made-up-topic', 'constructor', '__proto__', 'toString']) expect(on(unknown)).toBe(0.5);
    // A model without topics (the weights file of an older fit) adds nothing either.
    expect(
      confidenceFrom({ intercept: 0, weights: [] }, plainNamed, 'support', { ...PLAIN_SETTING, topic: 'ceasefire' }),
    ).toBe(0.5);
  });

  it("adds a topic's conditional term to a conditional statement only, and 0 for a topic the model does not know", () => {
    const probe = { intercept: 0, weights: [], conditionalTopics: { ceasefire: 4 } };
    const on = (topic: string, polarity: 'support' | 'oppose' | 'conditional') =>
      confidenceFrom(probe, plainNamed, polarity, { ...PLAIN_SETTING, topic });
    expect(on('ceasefire', 'conditional')).toBe(0.98);
    expect(on('ceasefire', 'support')).toBe(0.5);
    expect(on('ceasefire', 'oppose')).toBe(0.5);
    for (const unknown of ['', 'made-up-topic', 'constructor', '__proto__'])
      expect(on(unknown, 'conditional')).toBe(0.5);
  });

  it('reads the document length as a number: log2(1 + characters / 1000), never under that of 400 characters', () => {
    expect(documentLength(1000)).toBe(1);
    expect(documentLength(3000)).toBe(2);
    // Shorter than any document the weights were fitted on: as long as the shortest.
    expect(documentLength(0)).toBe(documentLength(SHORTEST_DOCUMENT));
    expect(documentLength(120)).toBe(documentLength(SHORTEST_DOCUMENT));
    expect(documentLength(SHORTEST_DOCUMENT + 100)).toBeGreaterThan(documentLength(SHORTEST_DOCUMENT));
    const probe = { intercept: 0, weights: CONFIDENCE_FEATURES.map((name) => (name === 'documentLength' ? -1 : 0)) };
    const at = (characters: number) =>
      confidenceFrom(probe, plainNamed, 'support', { ...PLAIN_SETTING, length: documentLength(characters) });
    expect(at(1000)).toBe(Math.round(100 / (1 + Math.exp(1))) / 100);
    expect(at(3000)).toBe(Math.round(100 / (1 + Math.exp(2))) / 100);
    expect(at(7000)).toBeLessThan(at(3000));
    // The plain setting (no document) reads no length at all.
    expect(confidenceFrom(probe, plainNamed, 'support', PLAIN_SETTING)).toBe(0.5);
  });

  it('the committed model has a term per topic it was fitted on, and no confidence for a draft depends on an unknown one', () => {
    expect(Object.keys(FITTED_CONFIDENCE.topics ?? {}).length).toBeGreaterThan(0);
    const known = { ...PLAIN_SETTING, topic: 'a-topic-no-codebook-has' };
    expect(confidenceOf(plainNamed, 'support', known)).toBe(confidenceOf(plainNamed, 'support', PLAIN_SETTING));
  });
});
