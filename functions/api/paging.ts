import type * as z from 'zod';
import { InvalidCursorError } from '../../shared/errors';
import type { Page } from '../../shared/ports/views';
import type { CursorCodec } from './cursor';

/**
 * Reads a signed cursor's position and checks its shape. The MAC already proves the API issued
 * it; the shape check keeps a future format change from being misread as today's.
 */
export function openPosition<T>(codec: CursorCodec, scope: string, cursor: string | undefined, shape: z.ZodType<T>) {
  const position = codec.open(scope, cursor);
  if (position === undefined) return undefined;
  const parsed = shape.safeParse(position);
  if (!parsed.success) throw new InvalidCursorError('the cursor is not valid for this list');
  return parsed.data;
}

/**
 * One page of a view-store list with the store's cursor wrapped in a signed one: the store's own
 * cursor goes in, unchanged, only after the signature and the list's scope are checked.
 */
export async function signedPage<T>(
  codec: CursorCodec,
  scope: string,
  cursor: string | undefined,
  read: (storeCursor: string | undefined) => Promise<Page<T>>,
): Promise<Page<T>> {
  const position = codec.open(scope, cursor);
  if (position !== undefined && typeof position !== 'string') {
    throw new InvalidCursorError('the cursor is not valid for this list');
  }
  const page = await read(position);
  return page.next === undefined ? { items: page.items } : { items: page.items, next: codec.seal(scope, page.next) };
}
