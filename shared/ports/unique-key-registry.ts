export interface Claim {
  /** Who holds the key now. */
  owner: string;
  /** False when this call made the claim; true when the key was claimed before (by anyone). */
  claimedBefore: boolean;
}

/**
 * First-writer-wins claims on a key (e.g. a document's content hash), so the same text sent under
 * two ids is recognised as one document.
 */
export interface UniqueKeyRegistry {
  claim(key: string, owner: string): Promise<Claim>;
}
