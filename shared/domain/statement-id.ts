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
  const key = keyParts;
  key[0] = documentId;
  key[1] = statement.sentenceIndex;
  key[2] = statement.actor;
  key[3] = statement.topic;
  key[4] = statement.proposition;
  key[5] = statement.polarity;
  key[6] = statement.reportedBy ?? '';
  // crypto.hash: the same digest as createHash().update().digest(), without a Hash object per id.
  return `st-${hash('sha256', key.join('\u001f'), 'hex').slice(0, 24)}`;
}

/**
 * Scratch for the parts of an id's key (an array per id was garbage): filled and joined within
 * one synchronous call, so no other call sees it in between.
 */
const keyParts: Array<string | number> = ['', 0, '', '', '', '', ''];
