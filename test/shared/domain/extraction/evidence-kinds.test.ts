import { describe, expect, it } from 'vitest';
import { extract } from './helpers';

/**
 * Every statement says how the text carries it (issue 14): the actor's own words in quotation
 * marks, reported speech of the actor or one who speaks for it, or an act that is itself the stance.
 */
const kindOf = (text: string, actor: string, topic: string) =>
  extract(text).find((statement) => statement.actor === actor && statement.topic === topic)?.evidence;

describe('evidence kinds on statements', () => {
  it.each([
    ['"We will never give up Donbas," Zelensky said on Monday.', 'ukraine', 'territory'],
    ['“Sanctions on Russia must stay until the guns fall silent,” said Kaja Kallas.', 'european-union', 'sanctions'],
    ['"Turkey is ready to host the next round in Istanbul," Erdogan told reporters.', 'turkey', 'venue'],
  ])('quoted words of the actor are a quote: %s', (text, actor, topic) => {
    expect(kindOf(text, actor, topic)).toBe('quote');
  });

  it.each([
    ['Foreign Minister Andrii Sybiha said Kyiv would not cede any territory.', 'ukraine', 'territory'],
    ['Kremlin spokesman Dmitry Peskov said Moscow rejected a ceasefire.', 'russia', 'ceasefire'],
    ['Germany will deliver Taurus missiles to Ukraine, Merz said.', 'germany', 'military-aid'],
  ])('reported speech is speech, also when it reports an intended act: %s', (text, actor, topic) => {
    expect(kindOf(text, actor, topic)).toBe('speech');
  });

  it.each([
    ['Hungary vetoed the sanctions package on Tuesday.', 'hungary', 'sanctions'],
    ['The European Union adopted a new package of sanctions against Russia on Friday.', 'european-union', 'sanctions'],
    ['The Bundestag voted for the delivery of Taurus missiles to Ukraine.', 'germany', 'military-aid'],
  ])('an act that is the stance is an action: %s', (text, actor, topic) => {
    expect(kindOf(text, actor, topic)).toBe('action');
  });
});
