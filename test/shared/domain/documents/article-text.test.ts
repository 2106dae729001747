import { describe, expect, it } from 'vitest';
import { looksLikeHtml, toArticleText } from '../../../../shared/domain/documents/article-text';

/** Documents arrive as plain text or whole HTML pages; the extractor reads the article either way. */

const sentence = (n: number) =>
  `Paragraph ${n}: the foreign minister said the government was ready to continue talks with its neighbours, and that a new round could begin within weeks if both delegations agreed on an agenda.`;

const page = (body: string, title = 'Minister ready for talks') =>
  `<!DOCTYPE html><html><head><title>${title}</title><script>var tracking = 1;</script></head><body>${body}</body></html>`;

describe('looksLikeHtml', () => {
  it.each([
    ['<!doctype html><html><body><p>x</p></body></html>', true],
    ['<html><body>text</body></html>', true],
    ['Some text <p>one</p> and <div>two</div>', true],
    ['Plain prose with a < b and c > d comparisons.', false],
    ['Zelensky said "<no>" was not an option.', false],
  ])('%s → %s', (raw, expected) => {
    expect(looksLikeHtml(raw)).toBe(expected);
  });
});

describe('toArticleText', () => {
  it('passes plain text through untouched', () => {
    const text = 'Zelensky said Ukraine was ready for a ceasefire.\n\nHe spoke in Kyiv.';
    expect(toArticleText(text)).toEqual({ text, format: 'text' });
  });

  it('keeps the article, one paragraph per block, and drops navigation, scripts and footers', () => {
    const html = page(`
      <header><nav><a href="/">Home</a><a href="/world">World news menu</a></nav></header>
      <main><article><h1>Minister ready for talks</h1>
        <p>${sentence(1)}</p><p>${sentence(2)}</p><ul><li><p>${sentence(3)}</p></li></ul>
      </article></main>
      <aside><p>Most read: celebrity gossip</p></aside>
      <footer><p>© 2025 Example News. All rights reserved.</p></footer>`);
    const article = toArticleText(html);
    expect(article.format).toBe('html');
    expect(article.title).toBe('Minister ready for talks');
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs).toContain(sentence(1));
    expect(paragraphs).toContain(sentence(2));
    // A paragraph nested in a list item is kept once.
    expect(paragraphs.filter((p) => p === sentence(3))).toHaveLength(1);
    expect(article.text).not.toMatch(/World news menu|All rights reserved|tracking|<p>/);
  });

  it('gives empty text for a page with no article', () => {
    const article = toArticleText(
      page('<nav><a href="/a">A</a><a href="/b">B</a></nav><footer><p>Contact</p></footer>', 'Index'),
    );
    expect(article.format).toBe('html');
    expect(article.text).toBe('');
  });

  it('keeps a one-sentence news brief, shorter than a page of boilerplate would be', () => {
    const brief = 'Putin rejects the ceasefire, the Kremlin says.';
    expect(toArticleText(page(`<article><p>${brief}</p></article>`, 'Brief')).text).toBe(brief);
    const quoted = 'Sybiha: \u201cWe will not give up a single village.\u201d';
    expect(toArticleText(page(`<p>${quoted}</p>`, 'Quote')).text).toBe(quoted);
  });

  it('still refuses a short page of labels, even when they end in full stops', () => {
    for (const body of [
      '<nav><a href="/a">Home.</a></nav><p>Contact us.</p>',
      '<p>Subscribe now!</p><p>Read more</p>',
      '<p>Breaking news from Kyiv and Moscow</p>',
    ]) {
      expect(toArticleText(page(body, 'Index')).text, body).toBe('');
    }
  });

  it('decodes entities and collapses white space inside paragraphs', () => {
    const html = page(
      `<article><p>${sentence(1)}</p><p>Kyiv &amp; Warsaw   signed\n   a &quot;joint&quot; statement, officials said on Monday in a long and detailed briefing to reporters.</p></article>`,
    );
    expect(toArticleText(html).text).toContain('Kyiv & Warsaw signed a "joint" statement');
  });
});
