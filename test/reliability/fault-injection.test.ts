import { describe, expect, it } from 'vitest';
import { alertOnNamedSpeech } from '../support/alert-on-named-speech';
import { summarise } from '../support/canonical-state';
import { FaultInjector } from '../support/fault-injection';
import { fixedScoringExtractor } from '../support/fixed-scoring';
import { reliabilityWorkload, runEmbeddedPipeline } from '../support/reliability-pipeline';
import { temporaryDirectory } from '../support/run-cli';

/**
 * Issue 7, item 1: the whole embedded pipeline (ingest → event store → dispatcher → projector →
 * views → alerter → outbox) over the examples plus generated stories, with 20 % of all DynamoDB
 * calls failing (throttling, HTTP 500, connection resets, and timeouts *after* the write
 * happened), must end in exactly the state of a fault-free run: no event lost, none duplicated,
 * the same views, each contradiction alerted exactly once. Faults come through the SDK middleware
 * stack (test/support/fault-injection.ts); no handler knows about them.
 */
describe('the embedded pipeline with 20 % of DynamoDB calls failing', () => {
  alertOnNamedSpeech();

  const documents = reliabilityWorkload({ generated: 14, seed: 7 });

  it('ends in the same event log, views and outbox as a fault-free run', async () => {
    const reference = await runEmbeddedPipeline({
      directory: temporaryDirectory(),
      documents,
      extractor: fixedScoringExtractor(),
    });
    const faults = new FaultInjector({ seed: 20_26, rate: 0.2 });
    const faulty = await runEmbeddedPipeline({
      directory: temporaryDirectory(),
      documents,
      faults,
      extractor: fixedScoringExtractor(),
    });

    const stats = faults.stats();
    const shape = summarise(reference.state);
    // The workload means something: statements, positions, contradictions, alerts.
    expect(shape.byType.StatementExtracted).toBeGreaterThan(20);
    expect(shape.byType.ContradictionDetected).toBeGreaterThanOrEqual(3);
    // The faults were real: about a fifth of the calls, every kind, writes among them.
    expect(stats.faults / stats.calls).toBeGreaterThan(0.15);
    expect(stats.faults / stats.calls).toBeLessThan(0.25);
    for (const count of Object.values(stats.byKind)) expect(count).toBeGreaterThan(5);
    expect(faults.log.some((fault) => fault.kind === 'timeout' && fault.commandName === 'PutItemCommand')).toBe(true);

    expect(faulty.failures).toBe(0);
    expect(reference.failures).toBe(0);
    expect(faulty.state.log).toEqual(reference.state.log);
    expect(faulty.state.claims).toEqual(reference.state.claims);
    expect(faulty.state.views).toEqual(reference.state.views);
    expect(faulty.state.lists).toEqual(reference.state.lists);
    expect(faulty.state.outbox).toEqual(reference.state.outbox);
    // Exactly once: every contradiction in the log was sent once, and nothing else was sent.
    const contradictions = reference.state.log
      .flatMap((stream) => stream.commits.flatMap((commit) => commit.events))
      .filter((event) => event.type === 'ContradictionDetected')
      .map((event) => (event.data as { contradictionId: string }).contradictionId)
      .sort();
    expect(Object.keys(faulty.state.outboxCounts).sort()).toEqual(contradictions);
    expect(Object.values(faulty.state.outboxCounts).every((count) => count === 1)).toBe(true);
    expect(Object.values(reference.state.outboxCounts).every((count) => count === 1)).toBe(true);

    console.info(
      `fault injection: ${stats.faults}/${stats.calls} calls failed (${JSON.stringify(stats.byKind)}), ` +
        `${faulty.clientRetries} client-level retries; ${shape.events} events, ` +
        `${shape.byType.ContradictionDetected} contradictions; fault-free ${Math.round(reference.milliseconds)} ms, ` +
        `with faults ${Math.round(faulty.milliseconds)} ms`,
    );
  }, 240_000);
});
