import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli, temporaryDirectory } from '../support/run-cli';

// Original test prose; fictional events.
const TEXT_ARTICLE = [
  'On Monday, Ukrainian President Volodymyr Zelensky said Ukraine would not withdraw from any more territory.',
  'Mr Zelensky added that Kyiv was ready for peace talks in any country except Russia or Belarus.',
  'It was a cold day in the capital.',
].join('\n');

const JSONL_FEED = [
  {
    id: 'feed-1',
    title: 'Moscow repeats demand',
    source: 'Test Wire',
    publishedAt: '2026-01-05',
    text: 'Kremlin spokesman Dmitry Peskov said Russia demands that Ukraine cede more territory before any ceasefire.',
  },
  {
    id: 'feed-2',
    title: 'Weather',
    source: 'Test Wire',
    publishedAt: '2026-01-06',
    text: 'Snow is expected across the region this week, with temperatures well below freezing.',
  },
]
  .map((line) => JSON.stringify(line))
  .join('\n');

function workspace() {
  const directory = temporaryDirectory();
  const data = join(directory, 'data');
  const article = join(directory, 'article.txt');
  const feed = join(directory, 'feed.jsonl');
  writeFileSync(article, TEXT_ARTICLE);
  writeFileSync(feed, `${JSONL_FEED}\n`);
  return { directory, data, article, feed };
}

// Each case runs the real CLI in child processes (about a second each on an idle machine).
describe('stancewatch CLI', { timeout: 120_000 }, () => {
  it('ingests a text file and a JSONL file into the embedded store and reports what happened', async () => {
    const { data, article, feed } = workspace();

    const text = await runCli(['ingest', article, '--date', '2026-01-04', '--data', data]);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/1 document\(s\): 1 new, 0 duplicate, 0 rejected · [1-9]\d* statement\(s\)/);

    const jsonl = await runCli(['ingest', feed, '--data', data, '--json']);
    expect(jsonl.code).toBe(0);
    const report = JSON.parse(jsonl.stdout);
    expect(report.summary).toMatchObject({ documents: 2, new: 2, duplicate: 0, rejected: 0 });
    expect(report.documents.map((document: { documentId: string }) => document.documentId)).toEqual([
      'feed-1',
      'feed-2',
    ]);
    expect(report.documents[1].statements).toBe(0);

    const again = await runCli(['ingest', feed, article, '--date', '2026-01-04', '--data', data, '--json']);
    expect(JSON.parse(again.stdout).summary).toMatchObject({ new: 0, duplicate: 3 });
  });

  it('reads JSONL from stdin', async () => {
    const { data } = workspace();
    const result = await runCli(['ingest', '-', '--data', data, '--json'], { stdin: JSONL_FEED });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).summary.new).toBe(2);
  });

  it('refuses a batch with an invalid line, names the line, and ingests nothing', async () => {
    const { data, directory } = workspace();
    const broken = join(directory, 'broken.jsonl');
    writeFileSync(broken, `${JSONL_FEED}\n{"publishedAt": "2026-01-07", "text": \n{"text": "no date"}\n`);

    const result = await runCli(['ingest', broken, '--data', data]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('broken.jsonl:3: not valid JSON');
    expect(result.stderr).toContain('broken.jsonl:4: invalid document: publishedAt');
    expect(result.stderr).not.toMatch(/\n\s+at /);

    const after = await runCli(['ingest', broken, '--data', data, '--skip-invalid', '--json']);
    expect(JSON.parse(after.stdout).summary).toMatchObject({ new: 2, rejected: 2 });
    expect(after.code).toBe(1);
  });

  it('lists invalid lines in line order, whatever made each invalid', async () => {
    const { data, directory } = workspace();
    const mixed = join(directory, 'mixed.jsonl');
    const [first, second] = JSONL_FEED.split('\n');
    writeFileSync(mixed, `${first}\n{"text": "no date"}\nnot json\n${second}\n[1, 2]\n`);

    const refused = await runCli(['ingest', mixed, '--data', data]);
    expect(refused.code).toBe(2);
    const listed = [...refused.stderr.matchAll(/mixed\.jsonl:(\d+): /g)].map((match) => Number(match[1]));
    expect(listed).toEqual([2, 3, 5]);

    const skipped = await runCli(['ingest', mixed, '--data', data, '--skip-invalid', '--json']);
    expect(skipped.code).toBe(1);
    const origins = JSON.parse(skipped.stdout).rejected.map((problem: { origin: string }) => problem.origin);
    expect(origins).toEqual([`${mixed}:2`, `${mixed}:3`, `${mixed}:5`]);
  });

  it('asks for --date when a text file has none', async () => {
    const { data, article } = workspace();
    const result = await runCli(['ingest', article, '--data', data]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/need --date/);
  });

  it('extracts statements from a file without a store, as JSON', async () => {
    const { article, directory } = workspace();
    // Published on Tuesday 6 January 2026; "On Monday, … said" dates the first statement the day before.
    const result = await runCli(['extract', article, '--date', '2026-01-06', '--json'], { cwd: directory });
    expect(result.code).toBe(0);
    const extraction = JSON.parse(result.stdout);
    expect(extraction.documentId).toMatch(/^doc-/);
    expect(extraction.extractorVersion).toMatch(/^rules@/);
    expect(extraction.statements.length).toBeGreaterThan(0);
    const datesBySentence = new Map(
      extraction.statements.map((statement: { sentenceIndex: number; statedAt: string }) => [
        statement.sentenceIndex,
        statement.statedAt,
      ]),
    );
    expect(datesBySentence.get(0)).toBe('2026-01-05');
    expect(datesBySentence.get(1)).toBe('2026-01-06');
    expect(datesBySentence.has(2)).toBe(false);
  });

  it('answers bad input with one clear line and a non-zero exit', async () => {
    const { directory } = workspace();
    const binary = join(directory, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x01]));
    const empty = join(directory, 'empty.txt');
    writeFileSync(empty, '   \n');

    for (const args of [
      ['extract', binary],
      ['extract', empty, '--date', '2026-01-01'],
      ['extract', join(directory, 'missing.txt')],
      ['ingest', binary, '--date', '2026-01-01', '--data', join(directory, 'data')],
      ['extract', empty, '--date', 'yesterday'],
    ]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBeGreaterThan(0);
      expect(result.stderr.trim().split('\n')[0], args.join(' ')).toMatch(/^stancewatch: /);
      expect(result.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  });

  it('answers a bad environment variable as bad input: its name, exit 2, no "unexpected error"', async () => {
    const { directory, data, article } = workspace();
    for (const [env, args, named] of [
      [
        { STANCEWATCH_PUBLIC_READ: 'yes' },
        ['positions', '--data', data],
        /STANCEWATCH_PUBLIC_READ must be "true" or "false"/,
      ],
      [
        { STANCEWATCH_EXTRACTOR: 'bedrock' },
        ['extract', article, '--date', '2026-01-06'],
        /STANCEWATCH_EXTRACTOR=bedrock needs STANCEWATCH_BEDROCK_MODEL/,
      ],
    ] as const) {
      const result = await runCli(args, { env, cwd: directory });
      const label = `${JSON.stringify(env)} ${args[0]}`;
      expect(result.code, label).toBe(2);
      expect(result.stderr, label).toMatch(named);
      expect(result.stderr, label).toMatch(/^stancewatch: .*\[INVALID_CONFIGURATION\]\n$/);
      expect(result.stderr, label).not.toMatch(/unexpected error/);
    }
  });

  it('answers an unreadable or invalid STANCEWATCH_CODEBOOK as bad input: exit 2, with the reason', async () => {
    const { directory, article } = workspace();
    const notACodebook = join(directory, 'codebook.json');
    writeFileSync(notACodebook, '{"version": 3}');
    for (const [codebook, reason] of [
      [join(directory, 'nonexistent.json'), /cannot read codebook .*nonexistent\.json/],
      [notACodebook, /codebook/],
    ] as const) {
      const result = await runCli(['extract', article, '--date', '2026-01-06'], {
        env: { STANCEWATCH_CODEBOOK: codebook },
        cwd: directory,
      });
      expect(result.code, codebook).toBe(2);
      expect(result.stdout, codebook).toBe('');
      expect(result.stderr, codebook).toMatch(reason);
      expect(result.stderr, codebook).toMatch(/^stancewatch: .*\[INVALID_CODEBOOK\]\n$/);
    }
  });

  it('refuses to re-extract an unknown document (exit 2, nothing written) and names the extractor it runs', async () => {
    const { data, article } = workspace();
    const empty = await runCli(['reextract', '--data', data]);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toMatch(/^0 document\(s\) re-extracted with rules@\d+\.\d+\.\d+: /);

    const ingested = await runCli(['ingest', article, '--date', '2026-01-04', '--data', data, '--json']);
    const { documentId } = JSON.parse(ingested.stdout).documents[0];
    const unknown = await runCli(['reextract', '--document', documentId, 'nope', '--data', data]);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe('stancewatch: unknown document nope: nothing was re-extracted [NOT_FOUND]\n');

    const known = await runCli(['reextract', '--document', documentId, '--data', data, '--json']);
    expect(known.code, known.stderr).toBe(0);
    expect(JSON.parse(known.stdout)).toMatchObject({ documents: 1, corrected: [], failed: [] });
  });

  it('digest lists shifts when STANCEWATCH_ALERT_SHIFTS=true, and the flags override the variable', async () => {
    const { data, directory } = workspace();
    const shifting = join(directory, 'shift.jsonl');
    writeFileSync(
      shifting,
      [
        {
          id: 'holds',
          publishedAt: '2026-01-05',
          text: 'Zelensky said Ukraine will not withdraw from any more territory.',
        },
        {
          id: 'softens',
          publishedAt: '2026-01-09',
          text: 'Zelensky said Ukraine would withdraw from territory only if it received security guarantees.',
        },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    expect((await runCli(['ingest', shifting, '--data', data])).code).toBe(0);

    const digest = async (flags: string[], alertShifts: string) => {
      const result = await runCli(['digest', ...flags, '--data', data, '--json'], {
        env: { STANCEWATCH_ALERT_SHIFTS: alertShifts },
      });
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout);
    };
    expect(await digest([], '')).toEqual({ status: 'nothing-new' });
    expect(await digest([], 'true')).toMatchObject({ status: 'published', shifts: 1 });
    expect(await digest(['--no-alert-shifts'], 'true')).toEqual({ status: 'nothing-new' });
    expect(await digest(['--alert-shifts'], 'false')).toMatchObject({ status: 'published', shifts: 1 });
  });

  it('prints the local API token and keeps it readable by the owner only', async () => {
    const { data } = workspace();
    const first = await runCli(['token', '--data', data]);
    const second = await runCli(['token', '--data', data]);
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toMatch(/^sw_[A-Za-z0-9_-]{40,}$/);
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(join(data, 'api-token')).mode & 0o777).toBe(0o600);
  });

  it('hands ingest and reads to the running `start` that holds the data folder', async () => {
    const { data, feed } = workspace();
    const server = spawn(process.execPath, [CLI, 'start', '--data', data, '--port', '0', '--no-examples'], {
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let banner = '';
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (chunk) => {
          banner += chunk;
          if (banner.includes('Ctrl-C')) resolve();
        });
        server.once('exit', (code) => reject(new Error(`start exited with ${code}`)));
      });
      expect(banner).toMatch(/dashboard {2}http:\/\/127\.0\.0\.1:\d+\//);

      const ingest = await runCli(['ingest', feed, '--data', data, '--json']);
      expect(ingest.code, ingest.stderr).toBe(0);
      expect(ingest.stderr).toMatch(/served by a running stancewatch/);
      expect(JSON.parse(ingest.stdout).summary).toMatchObject({ new: 2 });

      const positions = await runCli(['positions', '--data', data, '--json']);
      expect(positions.code, positions.stderr).toBe(0);
      expect(positions.stderr).toMatch(/reading from the running stancewatch/);
      const listed = JSON.parse(positions.stdout).positions as { actor: string; proposition: string }[];
      expect(listed).toContainEqual(expect.objectContaining({ actor: 'russia', proposition: 'cede-territory' }));

      const replay = await runCli(['replay', '--data', data]);
      expect(replay.code).toBe(1);
      expect(replay.stderr).toMatch(/in use by another stancewatch process .*stop it first/);
    } finally {
      server.kill('SIGINT');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  });

  it('has help for every command and a usage error for an unknown one', async () => {
    for (const command of ['start', 'ingest', 'extract', 'token', 'failures', 'redrive']) {
      const help = await runCli([command, '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toContain(`Usage: stancewatch ${command}`);
    }
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);
  });
});
