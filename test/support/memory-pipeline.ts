import type { Statement } from '../../events/statement';
import { MemoryNotifier } from '../../shared/adapters/embedded/memory-notifier';
import { type IngestOutcome, ingestDocument } from '../../shared/application/ingest-document';
import { projectCommit } from '../../shared/application/project-commit';
import { publishConfirmedAlert, publishContradictionAlert } from '../../shared/application/publish-contradiction-alert';
import { statementIdFor } from '../../shared/domain/extraction/statement-id';
import type { ExtractionInput, Extractor } from '../../shared/ports/extractor';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import type { UniqueKeyRegistry } from '../../shared/ports/unique-key-registry';
import { fixedClock } from './event-factory';
import { MemoryEventStore } from './memory-event-store';
import { MemoryViewStore } from './memory-view-store';

/** What a stub extractor finds: sentences of the text that carry a stance, by a simple rule. */
export interface StubRule {
  /** A phrase; every sentence containing it yields the statement. */
  phrase: string;
  actor: string;
  topic: string;
  proposition: string;
  polarity: Statement['polarity'];
  confidence?: number;
}

/** Ukraine refusing to cede territory, in the words the stub rules below match. */
export const UKRAINE_REFUSES_TO_CEDE: StubRule = {
  phrase: 'will not withdraw',
  actor: 'ukraine',
  topic: 'territory',
  proposition: 'cede-territory',
  polarity: 'oppose',
};

/** Ukraine ready to cede territory: with UKRAINE_REFUSES_TO_CEDE, a contradiction. */
export const UKRAINE_COULD_CEDE: StubRule = {
  ...UKRAINE_REFUSES_TO_CEDE,
  phrase: 'could give up',
  polarity: 'support',
};

/** A deterministic extractor over fixed phrase rules: a "codebook" that tests can improve. */
export function stubExtractor(version: string, rules: readonly StubRule[]): Extractor {
  return {
    name: 'stub',
    async extract(input: ExtractionInput) {
      const sentences = input.text.split(/(?<=\.)\s+/);
      const statements: Statement[] = [];
      sentences.forEach((sentence, sentenceIndex) => {
        for (const rule of rules) {
          if (!sentence.includes(rule.phrase)) continue;
          const identity = { documentId: input.documentId, sentenceIndex, ...rule };
          statements.push({
            statementId: statementIdFor(identity),
            documentId: input.documentId,
            sentenceIndex,
            quote: sentence,
            actor: rule.actor,
            topic: rule.topic,
            proposition: rule.proposition,
            polarity: rule.polarity,
            attribution: 'direct',
            evidence: 'quote',
            confidence: rule.confidence ?? 0.9,
            statedAt: input.publishedAt,
          });
        }
      });
      return { extractorVersion: `stub@${version}`, codebookVersion: version, statements };
    },
  };
}

export class MemoryUniqueKeys implements UniqueKeyRegistry {
  readonly #owners = new Map<string, string>();
  async claim(key: string, owner: string) {
    const existing = this.#owners.get(key);
    if (existing !== undefined) return { owner: existing, claimedBefore: true };
    this.#owners.set(key, owner);
    return { owner, claimedBefore: false };
  }
}

/**
 * The whole flow in memory, consumers run the way the stream runs them: ingest appends, then
 * `drain` hands every new commit to the projector and the alerter, in commit order, until nothing
 * new is appended.
 */
export function memoryPipeline(extractor: Extractor) {
  const eventStore = new MemoryEventStore();
  const views = new MemoryViewStore();
  const ids = createUlidGenerator();
  const clock = fixedClock();
  const notifier = new MemoryNotifier(ids);
  const sent = notifier.sent;
  const state = { extractor, delivered: 0 };
  const pipeline = {
    eventStore,
    views,
    ids,
    clock,
    sent,
    uniqueKeys: new MemoryUniqueKeys(),
    get extractor() {
      return state.extractor;
    },
    set extractor(next: Extractor) {
      state.extractor = next;
    },
    ingest: (input: unknown): Promise<IngestOutcome> =>
      ingestDocument({ eventStore, uniqueKeys: pipeline.uniqueKeys, extractor: state.extractor, ids, clock }, input),
    async drain(): Promise<void> {
      while (state.delivered < eventStore.log.length) {
        const commit = eventStore.log[state.delivered++];
        if (!commit) continue;
        await projectCommit({ eventStore, views, ids, sleep: async () => undefined }, commit);
        for (const event of commit.events) {
          if (event.type === 'ContradictionDetected') {
            await publishContradictionAlert({ eventStore, notifier, ids, clock }, event);
          }
          if (event.type === 'ContradictionConfirmed') {
            await publishConfirmedAlert({ eventStore, notifier, ids, clock }, event);
          }
        }
      }
    },
  };
  return pipeline;
}
