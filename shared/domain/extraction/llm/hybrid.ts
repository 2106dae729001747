import type { Statement } from '../../../../events/statement';
import { compileCodebook } from '../codebook/compile';
import type { Codebook } from '../codebook/schema';
import { isCapitalised } from '../nlp';
import type { SplitDocument } from './sentences';

/**
 * The hybrid mode's pre-filter: which sentences are worth a model call after the rules have run.
 * A sentence qualifies when it names a codebook actor (a name, demonym, capital, institution or
 * person, written with a capital as in prose) AND contains a topic cue (a proposition trigger,
 * matched with the codebook's own patterns and inflections), yet the rules found no statement in
 * it. Venue context words ("meet", "held") are too common to count as cues on their own; a sentence
 * about where talks happen names the talks ("talks", "negotiations"), which are triggers. Everything else is either already covered or has nothing the codebook
 * could turn into a statement, so the model's cost stays bounded by the rules' blind spots.
 */
export function sentencesWorthAsking(
  codebook: Codebook,
  split: SplitDocument,
  rulesStatements: readonly Statement[],
): number[] {
  const compiled = compileCodebook(codebook);
  const covered = new Set(rulesStatements.map((statement) => statement.sentenceIndex));
  const text = split.analysed;
  const out: number[] = [];
  for (const sentence of split.sentences) {
    if (covered.has(sentence.index)) continue;
    const span = split.tokenSpans.get(sentence.index);
    if (!span) continue;
    const [first, last] = span;
    const namesActor = compiled.names.scan(text, first, last + 1).some((match) => isCapitalised(text, match.end - 1));
    if (!namesActor) continue;
    if (compiled.triggers.scan(text, first, last + 1).length > 0) out.push(sentence.index);
  }
  return out;
}
