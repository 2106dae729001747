import type { Page, PageRequest } from '../ports/views';

/** Reads a paged view list to its end (or up to `max` items): the CLI lists, the dashboard, tests. */
export async function readAllPages<T>(
  read: (request: PageRequest) => Promise<Page<T>>,
  max = 10_000,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read({ limit: 100, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.next;
  } while (cursor && items.length < max);
  return { items: items.slice(0, max), truncated: cursor !== undefined || items.length > max };
}
