import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, bearer, document, ingestAll, startApi } from './api-fixture';

/** Quotes, titles and sources are untrusted text from the documents: they must reach the page as text. */
const HOSTILE = `<script>alert("quote")</script><img src=x onerror=alert(1)> & "quoted" 'single'`;

let api: ApiFixture;

beforeAll(async () => {
  api = await startApi();
  await ingestAll(api, [
    document('doc-hostile-1', '2025-10-28', `Zelensky said Ukraine will not cede territory ${HOSTILE}.`, {
      title: `</title><script>alert("title")</script>`,
      source: `<svg onload=alert("source")>`,
    }),
    document('doc-hostile-2', '2025-12-04', `Zelensky said Ukraine could give up part of Donetsk ${HOSTILE}.`),
  ]);
});
afterAll(async () => {
  await api.close();
});

describe('dashboard escaping', () => {
  it.each(['/', '/actors/ukraine'])('%s shows hostile text as text, inside HTML and inside the SVG', async (path) => {
    const response = await api.app.request(path, { headers: bearer() });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<svg onload/i);
    expect(html).not.toMatch(/<\/title><script/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;quote&quot;)&lt;/script&gt;');
    expect(html).toContain('&amp; &quot;quoted&quot;');
  });

  it('the actor page carries the hostile quote escaped in the chart tooltip too', async () => {
    const html = await (await api.app.request('/actors/ukraine', { headers: bearer() })).text();
    const titles = [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((match) => match[1] ?? '');
    expect(titles.some((title) => title.includes('&lt;img src=x onerror=alert(1)&gt;'))).toBe(true);
    expect(html).toContain('&lt;svg onload=alert(&quot;source&quot;)&gt;');
  });

  it('an actor id in the URL that is not an id is shown escaped on the 404 page', async () => {
    const response = await api.app.request(`/actors/${encodeURIComponent('<b>x</b>')}`, { headers: bearer() });
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});
