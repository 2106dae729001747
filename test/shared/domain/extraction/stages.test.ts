import { describe, expect, it } from 'vitest';
import { compileCodebook, TokenMaskBuffer } from '../../../../shared/domain/extraction/codebook/compile';
import { loadCodebook } from '../../../../shared/domain/extraction/codebook/load-codebook';
import { confidenceOf, documentLength, type Setting } from '../../../../shared/domain/extraction/confidence';
import { StatementDates } from '../../../../shared/domain/extraction/dates';
import { createRulesExtractor } from '../../../../shared/domain/extraction/rules-extractor';
import { ClauseList, segmentClauses } from '../../../../shared/domain/extraction/stages/clauses';
import { newDiscourse, speakersOfFrames } from '../../../../shared/domain/extraction/stages/discourse';
import { findFrames } from '../../../../shared/domain/extraction/stages/frames';
import { type Item, newItemScratch } from '../../../../shared/domain/extraction/stages/items';
import { newMentionScratch } from '../../../../shared/domain/extraction/stages/mentions';
import { findSentences } from '../../../../shared/domain/extraction/stages/sentences';
import { draftSentence } from '../../../../shared/domain/extraction/stages/stance/stance';
import { toStatements } from '../../../../shared/domain/extraction/stages/statements';
import { readText } from '../../../../shared/domain/extraction/stages/text';

/**
 * The worked example of docs/extraction.md ("How it works: the stages"), stage by stage: what each
 * stage gives for one sentence. When a rule changes what a stage gives, this test and the docs'
 * example change together.
 */
const SENTENCE =
  'Kremlin spokesman Dmitry Peskov said on Monday that Russia could agree to a ceasefire only after Ukraine withdraws from Donetsk.';
const input = { documentId: 'doc-worked-example', text: SENTENCE, publishedAt: '2025-10-28' };
describe('the stages, on the worked example', () => {
  const compiled = compileCodebook(loadCodebook());
  const document = readText(compiled, new TokenMaskBuffer(), SENTENCE);
  if (!document) throw new Error('the worked example must pass the prefilter');
  const { text, quoted } = document;
  const words = (start: number, end: number) => text.value.slice(start, end).join(' ');
  const sentences = findSentences(compiled, { mentions: newMentionScratch(), items: newItemScratch() }, text, quoted);
  const sentence = sentences[0]!;
  const frames = findFrames(compiled, text, sentence);
  const discourse = newDiscourse();
  const speakers = speakersOfFrames(frames, 0, sentences, [frames], discourse);
  const clauses = segmentClauses(compiled, text, sentence, frames, new ClauseList());
  const { drafts } = draftSentence(compiled, text, sentence, frames, speakers, clauses, discourse);
  // What the document says around each draft (its setting), as stage 5 gives it to the confidence.
  const settings: Setting[] = [];
  const statements = toStatements(text, sentences, drafts, input, new StatementDates(), {
    onDraftStatement: (_statement, _evidence, setting) => settings.push(setting),
  });

  it('0. text: one sentence of tokens', () => {
    expect(sentences).toHaveLength(1);
  });

  it('1. sentences: mentions and items', () => {
    expect(sentence.mentions.map((m) => [m.kind, words(m.start, m.end)])).toEqual([
      ['person', 'Kremlin spokesman Dmitry Peskov'],
      ['country', 'Russia'],
      ['country', 'Ukraine'],
    ]);
    const label = (item: Item) => {
      if (item.kind === 'trigger') return `trigger ${item.trigger.proposition}`;
      if (item.kind === 'cue') return `cue ${item.polarity}`;
      return item.kind;
    };
    expect(sentence.items.map((item) => [label(item), words(item.start, item.end)])).toEqual([
      ['reporting', 'said'],
      ['complementizer', 'that'],
      ['modal', 'could'],
      ['cue support', 'agree to'],
      ['trigger ceasefire', 'ceasefire'],
      ['conditional', 'only after'],
      ['trigger cede-territory', 'withdraws from Donetsk'],
    ]);
  });

  it('2. frames of speech: Peskov speaks, from "Russia" to the end', () => {
    expect(frames.map((frame) => [frame.kind, words(...frame.head), words(...frame.complement)])).toEqual([
      [
        'reporting',
        'Kremlin spokesman Dmitry Peskov said on Monday that',
        'Russia could agree to a ceasefire only after Ukraine withdraws from Donetsk .',
      ],
    ]);
    expect(speakers).toEqual([[{ kind: 'person', actor: 'russia', person: 'Dmitry Peskov', named: true }]]);
  });

  it('3. clauses: a stance, and the condition that attaches to it', () => {
    expect(
      clauses.map((clause) => [
        words(clause.start, clause.end),
        clause.kind,
        clause.kind === 'stance' ? clause.conditional : clause.attachesTo,
      ]),
    ).toEqual([
      ['Russia could agree to a ceasefire', 'stance', true],
      ['Ukraine withdraws from Donetsk .', 'condition', 0],
    ]);
  });

  it('4. stance per clause: a conditional ceasefire, and what the condition asks for', () => {
    expect(drafts.map((draft) => [draft.actor, draft.proposition, draft.polarity, draft.attribution])).toEqual([
      ['russia', 'ceasefire', 'conditional', 'direct'],
      ['russia', 'cede-territory', 'support', 'direct'],
    ]);
  });

  it('5. statements: dated by the reporting clause ("on Monday"), with evidence and confidence', () => {
    // The fitted confidence of each draft's evidence (confidence-weights.json; its values move
    // when the weights are fitted again, so they are not pinned here).
    // Both drafts are in the document's first sentence, of one actor, on two propositions.
    expect(settings).toEqual([
      {
        topic: 'ceasefire',
        corroborated: false,
        contested: false,
        lede: true,
        crowded: false,
        shared: false,
        busy: false,
        // One sentence: shorter than any development document, so it counts as the shortest.
        length: documentLength(SENTENCE.length),
      },
      {
        topic: 'territory',
        corroborated: false,
        contested: false,
        lede: true,
        crowded: false,
        shared: false,
        busy: false,
        // One sentence: shorter than any development document, so it counts as the shortest.
        length: documentLength(SENTENCE.length),
      },
    ]);
    const [ceasefire, cede] = drafts.map((draft, i) => confidenceOf(draft.evidence, draft.polarity, settings[i]));
    expect(
      statements.map((s) => [s.actor, s.proposition, s.polarity, s.evidence, s.confidence, s.statedAt, s.speaker]),
    ).toEqual([
      ['russia', 'ceasefire', 'conditional', 'speech', ceasefire, '2025-10-27', 'Dmitry Peskov'],
      ['russia', 'cede-territory', 'support', 'speech', cede, '2025-10-27', 'Dmitry Peskov'],
    ]);
    // What the condition asks for is found indirectly, and is trusted no more than the stance itself
    // (at two decimals a refit may tie them: 0.90 and 0.90 at rules@1.31.0; 0.93 and 0.90 with the document features).
    expect(cede).toBeLessThanOrEqual(ceasefire ?? 0);
  });

  it('the pipeline gives what the stages give', () => {
    expect(createRulesExtractor().extractSync(input).statements).toEqual(statements);
  });
});
