import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PositionView } from '../../../shared/ports/views';
import { runCli } from '../../support/run-cli';
import { type ApiFixture, bearer, CONTRADICTING_DOCUMENTS, serveApp, startApi, TEST_TOKEN } from './api-fixture';

let api: ApiFixture;
let server: Awaited<ReturnType<typeof serveApp>>;
let folder: string;

/** Runs the real CLI in a folder of its own, as a user would. */
const cli = (args: string[], env: Record<string, string> = {}) =>
  runCli(args, { cwd: folder, env: { STANCEWATCH_DATA: join(folder, 'data'), STANCEWATCH_TOKEN: '', ...env } });

beforeAll(async () => {
  api = await startApi();
  server = await serveApp(api.app);
  folder = mkdtempSync(join(tmpdir(), 'stancewatch-remote-'));
  const lines = [
    ...CONTRADICTING_DOCUMENTS,
    { id: 'doc-binary', publishedAt: '2025-11-01', text: 'bytes \u0000 here' },
  ];
  writeFileSync(join(folder, 'feed.jsonl'), `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
  writeFileSync(
    join(folder, 'valid.jsonl'),
    `${CONTRADICTING_DOCUMENTS.map((line) => JSON.stringify(line)).join('\n')}\n`,
  );
});
afterAll(async () => {
  await server?.close();
  await api?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('stancewatch ingest --api URL --token T', () => {
  it('posts each document to the API and reports what the server did, rejections included', async () => {
    const run = await cli(['ingest', 'feed.jsonl', '--api', server.url, '--token', TEST_TOKEN, '--json']);
    expect(run.stderr).not.toMatch(/unexpected error/);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      documents: { documentId: string; duplicate: boolean; statements: number }[];
      rejected: { origin: string; message: string }[];
      summary: Record<string, number>;
    };
    expect(report.documents.map((document) => document.documentId)).toEqual(['doc-oct', 'doc-nov', 'doc-dec']);
    expect(report.summary).toMatchObject({ documents: 4, new: 3, duplicate: 0, rejected: 1, statements: 5 });
    expect(report.rejected).toEqual([expect.objectContaining({ message: expect.stringContaining('binary') })]);

    // It went through the API into the served store: the positions are there.
    await api.store.drain();
    const positions = await api.app.request('/positions?actor=ukraine', { headers: bearer() });
    expect(
      ((await positions.json()) as { items: PositionView[] }).items.map((position) => position.proposition),
    ).toEqual(expect.arrayContaining(['cede-territory', 'ceasefire-now']));
  }, 60_000);

  it('reports a second run as duplicates, with the token from STANCEWATCH_TOKEN, in the human summary', async () => {
    const run = await cli(['ingest', 'valid.jsonl', '--api', server.url], { STANCEWATCH_TOKEN: TEST_TOKEN });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 document(s): 0 new, 3 duplicate, 0 rejected');
  }, 60_000);

  it('stops with a clear message when the server refuses the token', async () => {
    const run = await cli(['ingest', 'valid.jsonl', '--api', server.url, '--token', 'wrong-token-0123456789']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/refused the token \(401\)/);
  }, 60_000);
});
