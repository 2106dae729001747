import { hash } from 'node:crypto';

export interface StatementIdentity {
  documentId: string;
  sentenceIndex: number;
  actor: string;
  topic: string;
  proposition: string;
  polarity: string;
  reportedBy?: string | undefined;
}

/**
 * A statement's id is derived from what it says and where, so re-extracting the same document
 * with the same rules finds the same ids (nothing to correct), and a changed polarity is a new
 * statement (the old one is retracted).
 */
export function statementIdFor(identity: StatementIdentity): string {
  const key = [
    identity.documentId,
    identity.sentenceIndex,
    identity.actor,
    identity.topic,
    identity.proposition,
    identity.polarity,
    identity.reportedBy ?? '',
  ].join('\u001f');
  // crypto.hash: the same digest as createHash().update().digest(), without a Hash object per id.
  return `st-${hash('sha256', key, 'hex').slice(0, 24)}`;
}
