import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleDocuments } from '../../support/examples';
import { type StubRule, stubExtractor } from '../../support/memory-pipeline';
import { type ApiFixture, serveApp, startApi, TEST_TOKEN } from './api-fixture';

/** What an analyst would code in the examples: Ukraine refuses, then floats, ceding Donetsk. */
const EXAMPLE_RULES: StubRule[] = [
  {
    phrase: 'would not pull out of any more territory',
    actor: 'ukraine',
    topic: 'territory',
    proposition: 'cede-territory',
    polarity: 'oppose',
  },
  {
    phrase: 'could give up part of the Donetsk region',
    actor: 'ukraine',
    topic: 'territory',
    proposition: 'cede-territory',
    polarity: 'support',
  },
  {
    phrase: 'would not withdraw from the Donetsk region',
    actor: 'ukraine',
    topic: 'territory',
    proposition: 'cede-territory',
    polarity: 'oppose',
  },
  {
    phrase: 'anywhere except Russia or Belarus',
    actor: 'ukraine',
    topic: 'venue',
    proposition: 'venue:belarus',
    polarity: 'oppose',
  },
  {
    phrase: 'peace talks in Minsk',
    actor: 'ukraine',
    topic: 'venue',
    proposition: 'venue:belarus',
    polarity: 'support',
  },
  {
    phrase: 'ready for a ceasefire',
    actor: 'ukraine',
    topic: 'ceasefire',
    proposition: 'ceasefire-now',
    polarity: 'support',
  },
  {
    phrase: 'Russia has been demanding',
    actor: 'russia',
    topic: 'territory',
    proposition: 'cede-territory',
    polarity: 'support',
  },
  {
    phrase: 'tougher sanctions',
    actor: 'ukraine',
    topic: 'sanctions',
    proposition: 'sanctions:russia',
    polarity: 'support',
  },
];

/**
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core, against the
 * embedded runtime (dynalite, the real projector and alerter) with the bundled examples ingested.
 * Statements come from a phrase-rule test double keyed on the examples' sentences, so the test
 * checks the dashboard, not the rules extractor's current tuning (test/corpus does that). With CI set, a missing Chromium fails the test with the command to install
 * it; on a developer machine without it the suite is skipped with that message in its name.
 * STANCEWATCH_CHROMIUM points at another Chromium build.
 */
const CHROMIUM = process.env.STANCEWATCH_CHROMIUM ?? '/usr/bin/chromium';
const INSTALL_HINT = `no Chromium at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set STANCEWATCH_CHROMIUM)`;
const available = existsSync(CHROMIUM);
const OUTPUT = fileURLToPath(new URL('../../../test-output/', import.meta.url));

if (!available && process.env.CI) {
  describe('dashboard in a browser', () => {
    it('needs Chromium', () => {
      throw new Error(INSTALL_HINT);
    });
  });
}

describe.skipIf(!available)(`dashboard in a browser${available ? '' : ` (SKIPPED: ${INSTALL_HINT})`}`, () => {
  let fixture: ApiFixture;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let profile: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    fixture = await startApi({ extractor: stubExtractor('examples', EXAMPLE_RULES) });
    const examples = exampleDocuments<unknown>();
    for (const example of examples) await fixture.store.ingest(example);
    await fixture.store.drain();
    server = await serveApp(fixture.app);
    profile = mkdtempSync(join(tmpdir(), 'stancewatch-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
      viewport: { width: 1100, height: 900 },
    });
    mkdirSync(OUTPUT, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fixture?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('logs in, shows an actor’s contradiction with both quotes on its timeline, and logs out', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.fill('input[name=token]', 'not-the-token');
    await page.click('button[type=submit]');
    await expect(page.locator('.error').textContent()).resolves.toContain('not valid');

    await page.fill('input[name=token]', TEST_TOKEN);
    await page.click('form.login button[type=submit]');
    await page.waitForURL(`${server.url}/`);
    const [cookie] = (await browser.cookies()).filter((entry) => entry.name === 'stancewatch_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

    expect(await page.locator('[data-testid=actor]').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-testid=contradiction]').count()).toBeGreaterThan(0);

    await page.click('a[href="/actors/ukraine"]');
    await page.waitForURL(`${server.url}/actors/ukraine`);
    const contradiction = page.locator('[data-testid=contradiction]').first();
    await contradiction.waitFor();
    const text = (await contradiction.textContent()) ?? '';
    expect(text).toMatch(/Earlier/i);
    expect(text).toMatch(/Later/i);
    expect(await contradiction.locator('blockquote').count()).toBe(2);

    // The chart marks the contradiction and carries each statement's quote as its tooltip.
    const chart = page
      .locator('svg.chart')
      .filter({ has: page.locator('.contra-ring') })
      .first();
    expect(await chart.locator('.contra-link').count()).toBeGreaterThan(0);
    const tooltip = await chart.locator('a.point title').first().textContent();
    expect(tooltip).toMatch(/“.+”/s);
    await page.screenshot({ path: join(OUTPUT, 'dashboard-actor.png'), fullPage: true });

    // Readable on a phone: nothing wider than the screen.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.reload();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(OUTPUT, 'dashboard-actor-phone.png'), fullPage: true });

    await page.setViewportSize({ width: 1100, height: 900 });
    await page.click('header form button[type=submit]');
    await page.waitForURL(/\/login$/);
    await page.goto(`${server.url}/actors/ukraine`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect((await browser.cookies()).some((entry) => entry.name === 'stancewatch_session')).toBe(false);
  }, 90_000);

  it('review desk: both quotes in context, a confirm form that posts without script, and the item leaves the queue', async () => {
    // Doubtful readings (confidence 0.66): their contradictions wait for review instead of alerting.
    const doubtful = EXAMPLE_RULES.map((rule) => ({ ...rule, confidence: 0.66 }));
    const desk = await startApi({ extractor: stubExtractor('desk', doubtful) });
    const deskServer = await serveApp(desk.app);
    try {
      await desk.store.ingest({
        id: 'desk-june',
        publishedAt: '2026-06-01',
        text: 'Talks resumed in Geneva. Kyiv said it would meet anywhere except Russia or Belarus. Nothing was signed.',
      });
      await desk.store.ingest({
        id: 'desk-october',
        publishedAt: '2026-10-01',
        text: 'Officials floated peace talks in Minsk. The offer surprised diplomats.',
      });
      await desk.store.drain();
      expect(desk.alerts).toHaveLength(0);

      const page = await browser.newPage();
      await page.goto(`${deskServer.url}/desk`);
      await page.waitForURL(/\/login/);
      await page.fill('input[name=token]', TEST_TOKEN);
      await page.click('form.login button[type=submit]');
      await page.waitForURL(`${deskServer.url}/desk`);

      const item = page.locator('[data-testid=review-item]');
      expect(await item.count()).toBe(1);
      const quotes = item.locator('blockquote');
      expect(await quotes.count()).toBe(2);
      expect(await quotes.first().textContent()).toContain('Talks resumed in Geneva.');
      expect(await quotes.first().locator('mark').textContent()).toContain('anywhere except Russia or Belarus');
      await page.screenshot({ path: join(OUTPUT, 'dashboard-desk.png'), fullPage: true });

      await item.locator('[data-testid=confirm]').click();
      await page.waitForURL(/\/desk\?done=confirmed&decided=ctr-/);
      expect(await page.locator('[role=status]').textContent()).toContain('Confirmed');
      expect(await page.locator('[data-testid=review-item]').count()).toBe(0);
      // Once the projector and the alerter have caught up: one alert, the queue empty for good.
      await desk.store.drain();
      expect(desk.alerts).toHaveLength(1);
      await page.goto(`${deskServer.url}/desk`);
      expect(await page.locator('[data-testid=queue-empty]').count()).toBe(1);
      expect(await page.locator('[data-testid=desk-stats]').textContent()).toMatch(/Confirmed\s*1/);

      // A form posted from another origin is refused (Hono's csrf check on the Origin header).
      const forged = await page.request.post(
        `${deskServer.url}/desk/contradictions/ctr-000000000000000000000000/verdict`,
        {
          form: { verdict: 'confirm' },
          headers: { origin: 'https://evil.example' },
        },
      );
      expect(forged.status()).toBe(403);
    } finally {
      await deskServer.close();
      await desk.close();
    }
  }, 90_000);
});
