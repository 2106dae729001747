import { monotonicFactory } from 'ulid';

/** Produces ULIDs; monotonic within a process so ids made in one millisecond still sort. */
export interface IdGenerator {
  next(): string;
}

export function createUlidGenerator(): IdGenerator {
  const nextUlid = monotonicFactory();
  return { next: () => nextUlid() };
}
