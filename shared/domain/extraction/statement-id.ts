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
  return statementIdIn(identity.documentId, identity);
}

/** The same id, the document given apart: a rules draft carries all of the identity but its document. */
export function statementIdIn(documentId: string, statement: Omit<StatementIdentity, 'documentId'>): string {
  return statementIdOfKey(statementKeyIn(documentId, statement));
}

/**
 * What the id is a digest of: equal keys, equal ids (and distinct keys, distinct ids). The rules
 * extractor groups its drafts by key and digests only the keys it keeps.
 */
export function statementKeyIn(documentId: string, statement: Omit<StatementIdentity, 'documentId'>): string {
  // One template rather than an array joined: the same string (every part is a string or a number),
  // without an array per id.
  return `${documentId}\u001f${statement.sentenceIndex}\u001f${statement.actor}\u001f${statement.topic}\u001f${statement.proposition}\u001f${statement.polarity}\u001f${statement.reportedBy ?? ''}`;
}

/** The id of a key from `statementKeyIn`. */
export function statementIdOfKey(key: string): string {
  // crypto.hash: the same digest as createHash().update().digest(), without a Hash object per id.
  return `st-${hash('sha256', key, 'hex').slice(0, 24)}`;
}
