import { describe, expect, it } from 'vitest';
import { analyse, nlp, WINK_RENEWAL_DOCUMENTS } from '../../../../shared/domain/extraction/nlp';

/**
 * wink's cache keeps each new word form for the life of its instance; analyse() replaces the
 * instance every WINK_RENEWAL_DOCUMENTS documents so a process that reads for months stays flat.
 */
describe('wink instance renewal', () => {
  it('reads documents with a fresh wink instance after WINK_RENEWAL_DOCUMENTS, tokenising as before', () => {
    const probe = "Minister Zqxvorth's envoy said on Tuesday: talks won't resume.\nKyiv agreed.";
    const first = analyse(probe);
    const instance = nlp();
    // Unseen word forms, as a news feed full of new names brings.
    for (let document = 1; document < WINK_RENEWAL_DOCUMENTS - 1; document++) {
      analyse(`Spokesperson Qv${document.toString(36)}ra said the plan stands.`);
    }
    const last = analyse(probe);
    expect(nlp()).toBe(instance);
    const renewed = analyse(probe);
    expect(nlp()).not.toBe(instance);
    expect(renewed).toEqual(first);
    expect(last).toEqual(first);
  });
});
