import { describe, expect, it } from 'vitest';
import type { StatementRef } from '../../../../events/statement-ref';
import { DEFAULT_STRENGTH_POLICY } from '../../../../shared/domain/alerts/alert-strength';
import { decide, type PositionCommand, type PositionDecision } from '../../../../shared/domain/positions/decide';
import {
  evolve,
  initialPositionState,
  type PositionState,
  rehydrate,
} from '../../../../shared/domain/positions/position-state';
import { contradictionIdFor, toStatementRef } from '../../../../shared/domain/positions/rules';
import {
  applyCommand,
  aStatement,
  type ExtractedData,
  storedDecisions,
  withdrawCommand,
} from '../../../support/statement-factory';

/** given: commands already decided and stored; when: one more command; thenDecides: the events it gives. */
function given(...commands: PositionCommand[]) {
  let state: PositionState = initialPositionState();
  for (const command of commands) {
    const events = storedDecisions(decide(state, command), command, state.version);
    for (const event of events) state = evolve(state, event);
  }
  return {
    state,
    when: (command: PositionCommand) => ({
      thenDecides: (expected: PositionDecision[]) => expect(decide(state, command)).toEqual(expected),
      decisions: decide(state, command),
    }),
  };
}

const key = { actor: 'ukraine', topic: 'territory', proposition: 'cede-territory' };
const ref = (statement: ExtractedData): StatementRef => toStatementRef(statement);
const contradiction = (
  earlier: ExtractedData,
  later: ExtractedData,
  severity: 'high' | 'medium' | 'low' = 'high',
  strength: 'strong' | 'possible' = 'strong',
): PositionDecision => ({
  type: 'ContradictionDetected',
  data: {
    ...key,
    contradictionId: contradictionIdFor('ukraine', 'cede-territory', earlier.statementId, later.statementId),
    earlier: ref(earlier),
    later: ref(later),
    severity,
    strength,
  },
});

// The reference stance and later statements, each from its own document.
const refusesOct28 = aStatement({ documentId: 'doc-oct28', statedAt: '2025-10-28', polarity: 'oppose' });
const refusesDec10 = aStatement({
  documentId: 'doc-dec10',
  statedAt: '2025-12-10',
  polarity: 'oppose',
  quote: 'Ukraine will never give up its land.',
});
const cedesNov20 = aStatement({
  documentId: 'doc-nov20',
  statedAt: '2025-11-20',
  polarity: 'support',
  quote: 'Ukraine could give up part of Donetsk.',
});
const cedesDec10 = aStatement({
  documentId: 'doc-dec10b',
  statedAt: '2025-12-10',
  polarity: 'support',
  quote: 'Kyiv is ready to cede the rest of Donetsk.',
});
const conditionalNov05 = aStatement({
  documentId: 'doc-nov05',
  statedAt: '2025-11-05',
  polarity: 'conditional',
  quote: 'Ukraine would discuss territory only after a ceasefire.',
});

describe('decide: applying a statement to a position', () => {
  it('takes a position with the first statement', () => {
    given()
      .when(applyCommand(refusesOct28))
      .thenDecides([{ type: 'PositionTaken', data: { ...key, polarity: 'oppose', statement: ref(refusesOct28) } }]);
  });

  it('reaffirms on a restatement of the same polarity, which is never a contradiction', () => {
    given(applyCommand(refusesOct28))
      .when(applyCommand(refusesDec10))
      .thenDecides([
        { type: 'PositionReaffirmed', data: { ...key, polarity: 'oppose', statement: ref(refusesDec10) } },
      ]);
  });

  it('changes the position and detects a contradiction when support follows oppose', () => {
    given(applyCommand(refusesOct28))
      .when(applyCommand(cedesNov20))
      .thenDecides([
        {
          type: 'PositionChanged',
          data: { ...key, from: 'oppose', to: 'support', statement: ref(cedesNov20), previous: ref(refusesOct28) },
        },
        contradiction(refusesOct28, cedesNov20),
      ]);
  });

  it('detects the reverse too: oppose after support', () => {
    given(applyCommand(cedesNov20))
      .when(applyCommand(refusesDec10))
      .thenDecides([
        {
          type: 'PositionChanged',
          data: { ...key, from: 'support', to: 'oppose', statement: ref(refusesDec10), previous: ref(cedesNov20) },
        },
        contradiction(cedesNov20, refusesDec10),
      ]);
  });

  it('treats a conditional statement as a position change, never a contradiction', () => {
    given(applyCommand(refusesOct28))
      .when(applyCommand(conditionalNov05))
      .thenDecides([
        {
          type: 'PositionChanged',
          data: {
            ...key,
            from: 'oppose',
            to: 'conditional',
            statement: ref(conditionalNov05),
            previous: ref(refusesOct28),
          },
        },
      ]);
  });

  it('does not let a conditional in between hide a support/oppose contradiction', () => {
    const { decisions } = given(applyCommand(refusesOct28), applyCommand(conditionalNov05)).when(
      applyCommand(cedesNov20),
    );
    expect(decisions).toEqual([
      {
        type: 'PositionChanged',
        data: {
          ...key,
          from: 'conditional',
          to: 'support',
          statement: ref(cedesNov20),
          previous: ref(conditionalNov05),
        },
      },
      contradiction(refusesOct28, cedesNov20),
    ]);
  });

  it('never moves a position on hearsay, even when it would contradict', () => {
    const hearsay = aStatement({
      documentId: 'doc-hearsay',
      statedAt: '2025-11-02',
      polarity: 'support',
      reportedBy: 'united-states',
      attribution: 'reported',
      quote: 'Trump said Kyiv would give up Donetsk.',
    });
    given(applyCommand(refusesOct28)).when(applyCommand(hearsay)).thenDecides([]);
  });

  it('keeps a low-confidence statement out of the position (evidence only)', () => {
    const doubtful = aStatement({
      documentId: 'doc-doubt',
      statedAt: '2025-11-02',
      polarity: 'support',
      confidence: 0.4,
    });
    given(applyCommand(refusesOct28)).when(applyCommand(doubtful)).thenDecides([]);
  });

  it('never finds a contradiction between two statements of the same document', () => {
    const sameDocument = aStatement({
      documentId: refusesOct28.documentId,
      sentenceIndex: 5,
      polarity: 'support',
      quote: 'He added that Ukraine could give up some land.',
    });
    given(applyCommand(refusesOct28))
      .when(applyCommand(sameDocument))
      .thenDecides([
        {
          type: 'PositionChanged',
          data: { ...key, from: 'oppose', to: 'support', statement: ref(sameDocument), previous: ref(refusesOct28) },
        },
      ]);
  });

  it('rates severity high for two quotes, medium when a side is reported speech, low when a side is below 0.7', () => {
    const [, high] = given(applyCommand(refusesOct28)).when(applyCommand(cedesNov20)).decisions;
    expect(high).toMatchObject({ type: 'ContradictionDetected', data: { severity: 'high' } });

    const reported = aStatement({
      documentId: 'doc-r',
      statedAt: '2025-11-20',
      polarity: 'support',
      attribution: 'reported',
      evidence: 'speech',
      speaker: undefined,
    });
    const [, medium] = given(applyCommand(refusesOct28)).when(applyCommand(reported)).decisions;
    expect(medium).toMatchObject({ type: 'ContradictionDetected', data: { severity: 'medium' } });

    const shaky = aStatement({ documentId: 'doc-s', statedAt: '2025-11-20', polarity: 'support', confidence: 0.65 });
    const [, low] = given(applyCommand(refusesOct28)).when(applyCommand(shaky)).decisions;
    expect(low).toMatchObject({ type: 'ContradictionDetected', data: { severity: 'low' } });
  });

  it('gives the same contradiction id for the same pair, whatever else differs', () => {
    const first = given(applyCommand(refusesOct28)).when(applyCommand(cedesNov20)).decisions[1];
    const second = given(applyCommand(refusesOct28, 'other-source')).when(applyCommand(cedesNov20, 'another'))
      .decisions[1];
    expect(first?.type === 'ContradictionDetected' && first.data.contradictionId).toBe(
      second?.type === 'ContradictionDetected' && second.data.contradictionId,
    );
  });
});

describe('decide: the strength policy a deployment configures', () => {
  // Reported speech of a named speaker on both sides: strong by default, weaker than quotes or acts.
  const saidOct28 = { ...refusesOct28, evidence: 'speech' as const };
  const saidNov20 = { ...cedesNov20, evidence: 'speech' as const };
  const changed: PositionDecision = {
    type: 'PositionChanged',
    data: { ...key, from: 'oppose', to: 'support', statement: ref(saidNov20), previous: ref(saidOct28) },
  };
  const { state } = given(applyCommand(saidOct28));

  it('given the default policy (quotes and acts), when named speech contradicts named speech, then it waits for review', () => {
    expect(decide(state, applyCommand(saidNov20))).toEqual([
      changed,
      contradiction(saidOct28, saidNov20, 'medium', 'possible'),
    ]);
  });

  it('given a desk that also trusts named reported speech, when named speech contradicts named speech, then it is strong (severity stays medium: it is no deployment setting)', () => {
    const withNamedSpeech = {
      ...DEFAULT_STRENGTH_POLICY,
      strongEvidence: ['quote', 'action', 'named-speech'] as const,
    };
    expect(decide(state, applyCommand(saidNov20), withNamedSpeech)).toEqual([
      changed,
      contradiction(saidOct28, saidNov20, 'medium', 'strong'),
    ]);
  });

  it('given a desk that reviews everything (no strong evidence), then even two quotes wait for review', () => {
    const reviewAll = { ...DEFAULT_STRENGTH_POLICY, strongEvidence: [] };
    const quoted = given(applyCommand(refusesOct28)).state;
    expect(decide(quoted, applyCommand(cedesNov20), reviewAll).at(-1)).toEqual(
      contradiction(refusesOct28, cedesNov20, 'high', 'possible'),
    );
    expect(decide(quoted, applyCommand(cedesNov20)).at(-1)).toEqual(contradiction(refusesOct28, cedesNov20));
  });
});

describe('decide: idempotency', () => {
  it('decides nothing for a source event it already handled (a redelivered record)', () => {
    const command = applyCommand(cedesNov20);
    given(applyCommand(refusesOct28), command).when(command).thenDecides([]);
  });

  it('decides nothing for a statement already standing in the position, whatever event carries it', () => {
    given(applyCommand(refusesOct28), applyCommand(cedesNov20)).when(applyCommand(cedesNov20)).thenDecides([]);
  });
});

describe('decide: late arrivals are placed by when they were said', () => {
  it('reports a late, earlier-dated statement as the earlier side of the contradiction', () => {
    const cedesOct01 = aStatement({ documentId: 'doc-oct01', statedAt: '2025-10-01', polarity: 'support' });
    given(applyCommand(refusesOct28))
      .when(applyCommand(cedesOct01))
      .thenDecides([
        { type: 'PositionTaken', data: { ...key, polarity: 'support', statement: ref(cedesOct01) } },
        contradiction(cedesOct01, refusesOct28),
      ]);
  });

  it('finds two contradictions when a late statement disagrees with the statements on both sides', () => {
    given(applyCommand(refusesOct28), applyCommand(refusesDec10))
      .when(applyCommand(cedesNov20))
      .thenDecides([
        {
          type: 'PositionChanged',
          data: { ...key, from: 'oppose', to: 'support', statement: ref(cedesNov20), previous: ref(refusesOct28) },
        },
        contradiction(refusesOct28, cedesNov20),
        contradiction(cedesNov20, refusesDec10),
      ]);
  });

  it('adds none when a late statement lands inside a flip already reported (it only moves the flip)', () => {
    const refusesNov20 = aStatement({ documentId: 'doc-nov20b', statedAt: '2025-11-20', polarity: 'oppose' });
    given(applyCommand(refusesOct28), applyCommand(cedesDec10))
      .when(applyCommand(refusesNov20))
      .thenDecides([
        { type: 'PositionReaffirmed', data: { ...key, polarity: 'oppose', statement: ref(refusesNov20) } },
      ]);

    given(applyCommand(refusesOct28), applyCommand(cedesDec10))
      .when(applyCommand(cedesNov20))
      .thenDecides([
        {
          type: 'PositionChanged',
          data: { ...key, from: 'oppose', to: 'support', statement: ref(cedesNov20), previous: ref(refusesOct28) },
        },
      ]);
  });
});

describe('decide: withdrawing a retracted statement', () => {
  it('withdraws it, voids the contradictions resting on it and names the position left', () => {
    const history = given(applyCommand(refusesOct28), applyCommand(cedesNov20));
    history.when(withdrawCommand(cedesNov20)).thenDecides([
      {
        type: 'StatementWithdrawn',
        data: {
          ...key,
          statement: ref(cedesNov20),
          reason: 'not found by test@2',
          current: ref(refusesOct28),
          voidedContradictions: [
            {
              contradictionId: contradictionIdFor(
                'ukraine',
                'cede-territory',
                refusesOct28.statementId,
                cedesNov20.statementId,
              ),
              earlierStatementId: refusesOct28.statementId,
              laterStatementId: cedesNov20.statementId,
            },
          ],
        },
      },
    ]);
  });

  it('reports the flip that is left without evidence, between the statements around the withdrawn one', () => {
    // oppose Oct 28 → support Nov 20 (reported) → support Dec 10 (restatement); Nov 20 was a misreading.
    given(applyCommand(refusesOct28), applyCommand(cedesNov20), applyCommand(cedesDec10))
      .when(withdrawCommand(cedesNov20))
      .thenDecides([
        expect.objectContaining({ type: 'StatementWithdrawn' }) as PositionDecision,
        contradiction(refusesOct28, cedesDec10),
      ]);
  });

  it('re-evidences a flip a withdrawn statement was the only witness of, even away from it', () => {
    // support Oct 01 vs oppose Dec 10 reported; a late support Nov 20 moves the flip; then Oct 01 goes.
    const cedesOct01 = aStatement({ documentId: 'doc-oct01', statedAt: '2025-10-01', polarity: 'support' });
    given(applyCommand(cedesOct01), applyCommand(refusesDec10), applyCommand(cedesNov20))
      .when(withdrawCommand(cedesOct01))
      .thenDecides([
        expect.objectContaining({
          type: 'StatementWithdrawn',
          data: expect.objectContaining({ current: ref(refusesDec10) }),
        }) as PositionDecision,
        contradiction(cedesNov20, refusesDec10),
      ]);
  });

  it('withdraws nothing that was never applied (hearsay, unknown) or is already withdrawn', () => {
    const hearsay = aStatement({ documentId: 'doc-h', reportedBy: 'russia', polarity: 'support' });
    given(applyCommand(refusesOct28), applyCommand(hearsay)).when(withdrawCommand(hearsay)).thenDecides([]);
    given(applyCommand(refusesOct28)).when(withdrawCommand(cedesNov20)).thenDecides([]);
    given(applyCommand(cedesNov20), withdrawCommand(cedesNov20)).when(withdrawCommand(cedesNov20)).thenDecides([]);
  });

  it('re-applies a statement a later extraction finds again, with the same contradiction id', () => {
    const { decisions } = given(applyCommand(refusesOct28), applyCommand(cedesNov20), withdrawCommand(cedesNov20)).when(
      applyCommand(cedesNov20),
    );
    expect(decisions.map((decision) => decision.type)).toEqual(['PositionChanged', 'ContradictionDetected']);
    expect(decisions[1]).toEqual(contradiction(refusesOct28, cedesNov20));
  });

  it('decides nothing when the same retraction is delivered twice', () => {
    const withdrawal = withdrawCommand(cedesNov20);
    given(applyCommand(refusesOct28), applyCommand(cedesNov20), withdrawal).when(withdrawal).thenDecides([]);
  });
});

describe('evolve', () => {
  it('rebuilds the same state from stored events as the step-by-step fold', () => {
    const commands = [
      applyCommand(refusesOct28),
      applyCommand(cedesNov20),
      applyCommand(refusesDec10),
      withdrawCommand(cedesNov20),
    ];
    let state = initialPositionState();
    const stored = [];
    for (const command of commands) {
      const events = storedDecisions(decide(state, command), command, state.version);
      stored.push(...events);
      for (const event of events) state = evolve(state, event);
    }
    expect(rehydrate(stored)).toEqual(state);
    expect(state.key).toEqual(key);
    expect(state.statements.get(cedesNov20.statementId)?.active).toBe(false);
    expect([...state.contradictions.values()].map((recorded) => recorded.active)).toEqual([false, false]);
  });

  it('ignores events that are not about positions', () => {
    const state = initialPositionState();
    const unrelated = { type: 'DocumentIngested' } as Parameters<typeof evolve>[1];
    expect(evolve(state, unrelated)).toEqual(state);
  });
});
