import { describe, expect, it } from 'vitest';
import { extract } from './helpers';

/** "The war in Ukraine" says where the war is: beside a summit word it still names no venue. */
const venuesIn = (text: string) =>
  extract(text)
    .filter((statement) => statement.topic === 'venue')
    .map((statement) => `${statement.actor} ${statement.polarity} ${statement.proposition}`);

describe('places after nouns that are located, not hosted', () => {
  it.each([
    'President Donald Trump said he would meet Vladimir Putin within two weeks to discuss ending the war in Ukraine.',
    'The summit will focus on the fighting in Ukraine, Turkish officials said.',
    'Iran supports a negotiated end to the conflict in Ukraine, its foreign minister said after talks in Moscow.',
  ])('names no venue in the located country: %s', (text) => {
    expect(venuesIn(text).filter((venue) => venue.endsWith('venue:ukraine'))).toEqual([]);
  });

  it('still reads the venue of a meeting in the same sentence', () => {
    expect(venuesIn('Trump said he would meet Putin in Budapest to discuss ending the war in Ukraine.')).toContain(
      'united-states support venue:hungary',
    );
  });
});
