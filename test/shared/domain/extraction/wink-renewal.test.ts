import { describe, expect, it } from 'vitest';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import {
  analyse,
  nlp,
  WINK_RENEWAL_DOCUMENTS,
  WINK_RENEWAL_WORD_FORMS,
  wordFormsAdded,
} from '../../../../shared/domain/extraction/nlp';

/**
 * wink's cache keeps each new word form for the life of its instance; analyse() replaces the
 * instance once the cache has grown by WINK_RENEWAL_WORD_FORMS, so a process that reads for months
 * stays flat, and one that reads the same vocabulary never pays for a renewal.
 */
describe('wink instance renewal', () => {
  const probe = "Minister Zqxvorth's envoy said on Tuesday: talks won't resume.\nKyiv agreed.";

  it("reads wink's cache size (the pinned wink hands its cache to the sentence-boundary transformer)", () => {
    analyse(probe);
    expect(wordFormsAdded()).toEqual(expect.any(Number));
  });

  it('given a feed that repeats its vocabulary, when it reads more than WINK_RENEWAL_DOCUMENTS documents, then the instance is kept', () => {
    analyse(probe);
    const instance = nlp();
    for (let document = 0; document <= WINK_RENEWAL_DOCUMENTS; document++) analyse(probe);
    expect(nlp()).toBe(instance);
  });

  it('given documents full of new names, when the cache has grown by WINK_RENEWAL_WORD_FORMS, then the next document gets a fresh instance and is tokenised as before', () => {
    const first = analyse(probe);
    const instance = nlp();
    let document = 0;
    // Unseen word forms, as a news feed full of new names brings: ten a document.
    while ((wordFormsAdded() ?? 0) <= WINK_RENEWAL_WORD_FORMS) {
      const names = Array.from({ length: 10 }, (_, k) => `Qv${(document * 10 + k).toString(36)}ra`).join(', ');
      analyse(`Spokespeople ${names} said the plan stands.`);
      expect(nlp()).toBe(instance);
      document += 1;
    }
    expect(document).toBeLessThan(WINK_RENEWAL_WORD_FORMS);
    const renewed = analyse(probe);
    expect(nlp()).not.toBe(instance);
    expect(wordFormsAdded()).toBeLessThan(50);
    expect(renewed).toEqual(first);
  });

  it('given a process that renews its instance more than twenty times, then every load reads the model as shipped (patches/wink-eng-lite-web-model: 1.8.1 stringified its CER machines again on each load, so the 21st instance threw)', () => {
    const machines = (model as unknown as { metaCER: () => { machines: string } }).metaCER().machines;
    for (let load = 0; load < 22; load++) winkNLP(model, ['sbd']);
    const again = (model as unknown as { metaCER: () => { machines: string } }).metaCER().machines;
    expect(again).toBe(machines);
    expect(typeof JSON.parse(again)).toBe('object');
  });
});
