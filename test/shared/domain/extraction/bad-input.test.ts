import { describe, expect, it } from 'vitest';
import { Statement } from '../../../../events/statement';
import { isDocumentTooLargeError, isValidationError } from '../../../../shared/errors';
import { extractor } from './helpers';

/**
 * Inputs people actually send: nothing, binary noise, one word repeated for megabytes, one
 * endless token, pages with no article. Each gives an empty list or a clear typed error, quickly.
 */

const run = (text: string, publishedAt = '2025-11-04') =>
  extractor().extractSync({ documentId: 'doc-bad-input', text, publishedAt });

const timed = <T>(work: () => T): { value: T; millis: number } => {
  const started = performance.now();
  const value = work();
  return { value, millis: performance.now() - started };
};

describe('bad input', () => {
  it.each(['', '   ', '\n\n\t\n'])('empty text gives no statements (%j)', (text) => {
    expect(run(text).statements).toEqual([]);
  });

  it('binary-looking text gives no statements and does not throw', () => {
    let seed = 7;
    const noise = Array.from({ length: 200_000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return String.fromCharCode(seed % 256);
    }).join('');
    const { value, millis } = timed(() => run(noise));
    expect(value.statements).toEqual([]);
    expect(millis).toBeLessThan(5_000);
  });

  it('10 MB of one word is refused with a clear error, without reading it', () => {
    const text = 'ceasefire '.repeat(1_000_000);
    const { value: error, millis } = timed(() => {
      try {
        run(text);
        return undefined;
      } catch (caught) {
        return caught;
      }
    });
    expect(isDocumentTooLargeError(error)).toBe(true);
    expect((error as Error).message).toMatch(/bytes/);
    expect(millis).toBeLessThan(1_000);
  });

  it('one word repeated for a megabyte is one over-long sentence: skipped, in bounded time', () => {
    const { value, millis } = timed(() => run('ceasefire '.repeat(100_000)));
    expect(value.statements).toEqual([]);
    expect(millis).toBeLessThan(5_000);
  });

  it('a single token of a megabyte does not make the tokenizer quadratic', () => {
    // wink takes minutes on one unbroken 1 MB token; the extractor blanks such runs first.
    const { value, millis } = timed(() => run(`Zelensky said Ukraine wanted a ceasefire. ${'x'.repeat(1_000_000)}`));
    expect(value.statements.map((s) => s.topic)).toEqual(['ceasefire']);
    expect(millis).toBeLessThan(5_000);
  });

  it('an HTML page with no article gives no statements', () => {
    const page = `<!doctype html><html><head><title>Menu</title></head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
      <footer><p>© News Co</p><p>Cookies</p></footer></body></html>`;
    expect(run(page).statements).toEqual([]);
  });

  it('an HTML article is read without its boilerplate', () => {
    const paragraph =
      'Ukrainian President Volodymyr Zelensky said on Monday that Ukraine was ready for a ceasefire along the current front line, adding that talks could begin within weeks if Russia agreed.';
    const page = `<!doctype html><html><head><title>Zelensky ready for ceasefire</title></head><body>
      <nav><a href="/">Home</a> <a href="/world">Russia demands a ceasefire now</a></nav>
      <article><h1>Zelensky ready for ceasefire</h1><p>${paragraph}</p><p>${paragraph.replace('Monday', 'Tuesday')}</p></article>
      <footer><p>Related: Kremlin rejects talks</p></footer></body></html>`;
    const statements = run(page).statements;
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(statement.actor).toBe('ukraine');
      expect(statement.quote).not.toContain('<');
    }
  });

  it('rejects a publication date that is not an ISO date', () => {
    expect.assertions(1);
    try {
      run('Zelensky said Ukraine wanted a ceasefire.', 'last Tuesday');
    } catch (error) {
      expect(isValidationError(error)).toBe(true);
    }
  });

  it('every statement from odd punctuation still satisfies the schema', () => {
    const text =
      '"""Zelensky said,,, Ukraine — wanted — a ceasefire!!!" (he said) [Russia rejected it] ... ;;; «Moscow wants talks»';
    for (const statement of run(text).statements) expect(Statement.safeParse(statement).success).toBe(true);
  });
});
