import { describe, expect, it } from 'vitest';
import {
  type AlertStreamState,
  decideAlertDelivery,
  evolveAlertStream,
  initialAlertStreamState,
} from '../../../../shared/domain/alerts/alert-stream';
import { decideVerdict, type VerdictCommand } from '../../../../shared/domain/alerts/decide-verdict';

const contradiction = {
  contradictionId: 'ctr-1',
  actor: 'belarus',
  topic: 'venue',
  proposition: 'venue:belarus',
};

/** Folds the given past events of one alert stream, as the store would hand them back. */
const given = (...events: Array<{ type: string; data: object }>): AlertStreamState =>
  events.reduce(
    (state, event, index) => evolveAlertStream(state, { ...event, version: index + 1 }),
    initialAlertStreamState(),
  );
const published = { type: 'AlertPublished', data: { ...contradiction, channel: 'outbox', messageId: 'm-1' } };
const confirmed = { type: 'ContradictionConfirmed', data: { ...contradiction, by: 'alice' } };
const dismissed = (reason = 'misread-statement') => ({
  type: 'ContradictionDismissed',
  data: { ...contradiction, reason, by: 'bob' },
});

describe('alert delivery', () => {
  it('given nothing yet, when the contradiction is strong, then it is published at once', () => {
    expect(decideAlertDelivery(given(), 'strong')).toBe('publish');
  });

  it('given nothing yet, when it is possible, then it waits in the review queue', () => {
    expect(decideAlertDelivery(given(), 'possible')).toBe('queue');
  });

  it('given a confirmation, when a possible contradiction is delivered, then it is published', () => {
    expect(decideAlertDelivery(given(confirmed), 'possible')).toBe('publish');
  });

  it('given a dismissal, then nothing is ever published, whatever the strength', () => {
    expect(decideAlertDelivery(given(dismissed()), 'strong')).toBe('dismissed');
    expect(decideAlertDelivery(given(dismissed()), 'possible')).toBe('dismissed');
  });

  it('given an alert already published, then it is not sent again (also after a later confirmation)', () => {
    expect(decideAlertDelivery(given(published), 'strong')).toBe('already-published');
    expect(decideAlertDelivery(given(published, confirmed), 'possible')).toBe('already-published');
  });
});

describe('verdicts', () => {
  const confirm: VerdictCommand = { type: 'Confirm', contradiction, by: 'alice', note: '  both quotes check out ' };
  const dismiss: VerdictCommand = { type: 'Dismiss', contradiction, reason: 'duplicate', by: 'bob' };

  it('given no verdict, when an analyst confirms, then ContradictionConfirmed names who, with the note trimmed', () => {
    expect(decideVerdict(given(), confirm)).toEqual([
      { type: 'ContradictionConfirmed', data: { ...contradiction, by: 'alice', note: 'both quotes check out' } },
    ]);
  });

  it('given a confirmation, when confirmed again, then nothing new', () => {
    expect(decideVerdict(given(confirmed), confirm)).toEqual([]);
  });

  it('given a dismissal for one reason, when dismissed for the same reason, then nothing; for another, recorded', () => {
    expect(decideVerdict(given(dismissed('duplicate')), dismiss)).toEqual([]);
    expect(decideVerdict(given(dismissed('misread-statement')), dismiss)).toEqual([
      { type: 'ContradictionDismissed', data: { ...contradiction, reason: 'duplicate', by: 'bob' } },
    ]);
  });

  it('given a confirmation, when dismissed, then the dismissal replaces it', () => {
    const state = given(confirmed);
    const [decision] = decideVerdict(state, dismiss);
    expect(decision?.type).toBe('ContradictionDismissed');
    const after = evolveAlertStream(state, { ...decision!, version: state.version + 1 });
    expect(after.verdict).toMatchObject({ kind: 'dismissed', reason: 'duplicate', by: 'bob' });
    expect(decideAlertDelivery(after, 'strong')).toBe('dismissed');
  });
});
