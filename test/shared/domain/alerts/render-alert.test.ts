import { describe, expect, it } from 'vitest';
import { displayNameOf } from '../../../../shared/domain/alerts/display-names';
import { asciiSubject, renderContradictionAlert } from '../../../../shared/domain/alerts/render-alert';
import { aContradictionDetected } from '../../../support/contradiction-factory';

describe('renderContradictionAlert', () => {
  const event = aContradictionDetected();

  it('has a subject a person understands at a glance', () => {
    expect(renderContradictionAlert(event.data).subject).toBe('Ukraine contradicts itself on territory');
    expect(
      renderContradictionAlert({ ...event.data, actor: 'united-states', topic: 'security-guarantees' }).subject,
    ).toBe('United States contradicts itself on security guarantees');
  });

  it('puts both statements side by side: quotes, dates, speakers, sources, and the id', () => {
    const { body } = renderContradictionAlert(event.data, { detectedAt: event.recordedAt });
    expect(body).toContain('EARLIER: said 2025-10-28 by Volodymyr Zelensky (Ukraine), oppose');
    expect(body).toContain('"Zelensky said Ukraine would not withdraw from any more territory."');
    expect(body).toContain('Source: Kyiv Ledger, "Kyiv ready for talks, not for retreat"');
    expect(body).toContain('LATER: said 2026-02-03 by Volodymyr Zelensky (Ukraine), support');
    expect(body).toContain(
      '"Zelensky said Ukraine could give up part of Donetsk in exchange for security guarantees."',
    );
    expect(body).toContain('Source: Example Wire, "FICTIONAL SCENARIO: Kyiv signals flexibility"');
    expect(body).toContain(`Contradiction id: ${event.data.contradictionId}`);
    expect(body).toContain('Detected: 2026-11-26T12:00:00.000Z');
    expect(body.indexOf('EARLIER')).toBeLessThan(body.indexOf('LATER'));
  });

  it('links to the API only when its URL is configured', () => {
    expect(renderContradictionAlert(event.data).body).not.toContain('http');
    const { body } = renderContradictionAlert(event.data, { apiUrl: 'https://api.example.org/prod/' });
    expect(body).toContain('https://api.example.org/prod/contradictions?actor=ukraine&topic=territory');
    expect(body).toContain('https://api.example.org/prod/positions/ukraine/territory/timeline');
  });

  it('carries actor, topic, proposition and severity as attributes for subscription filters', () => {
    expect(renderContradictionAlert(event.data).attributes).toEqual({
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      severity: 'high',
    });
  });

  it('says when a side was reported by the narrator rather than said', () => {
    const reported = { ...event.data, later: { ...event.data.later, attribution: 'reported' as const } };
    expect(renderContradictionAlert(reported).body).toContain('LATER: reported 2026-02-03');
  });
});

describe('asciiSubject', () => {
  it('folds accents, drops what SNS refuses, keeps one line of at most 100 characters', () => {
    expect(asciiSubject('Côte d’Ivoire contradicts itself\non “venue”')).toBe(
      `Cote d'Ivoire contradicts itself on "venue"`,
    );
    const long = asciiSubject(`${'x'.repeat(150)}`);
    expect(long).toHaveLength(100);
    expect(long.endsWith('...')).toBe(true);
    expect(asciiSubject('日本')).toBe('stancewatch: contradiction detected');
  });
});

describe('displayNameOf', () => {
  it('spells well-known acronyms and multi-word ids', () => {
    expect(displayNameOf('nato')).toBe('NATO');
    expect(displayNameOf('european-union')).toBe('European Union');
    expect(displayNameOf('united-states')).toBe('United States');
  });
});
