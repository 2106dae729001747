import { postDocument } from './remote-api';

/**
 * The post-deploy check: two clearly labelled test documents in which Ukraine first rules Minsk
 * out, then accepts it, posted to the API; then the contradiction they make is awaited in
 * GET /contradictions, with its alert. If it appears, ingest, the stream, the projector, the views
 * and the alerter all work. The run id keeps each run's documents new (not duplicates). Both are
 * quotations, so the default alert policy (quotes and acts alert at once) sends the alert without
 * waiting for a desk's review.
 */
export function smokeDocuments(runId: string, today: Date) {
  // Timestamps, not days: each run's pair is said after the previous run's, so a second run raises
  // its own contradiction (and one more, from the last run's acceptance to this run's refusal).
  const at = (offsetMs: number) => new Date(today.getTime() - offsetMs).toISOString();
  const label = `SMOKE TEST ${runId} (a stancewatch deployment check, not news).`;
  return [
    {
      id: `smoke-${runId}-a`,
      title: `SMOKE TEST ${runId}: Minsk ruled out`,
      source: 'stancewatch smoke test',
      publishedAt: at(1),
      text: `${label} "Ukraine will never hold talks in Minsk," Zelensky said.`,
    },
    {
      id: `smoke-${runId}-b`,
      title: `SMOKE TEST ${runId}: Minsk accepted`,
      source: 'stancewatch smoke test',
      publishedAt: at(0),
      text: `${label} "We are willing to hold the negotiations in Belarus," Zelensky said.`,
    },
  ] as const;
}

export interface SmokeStep {
  step: string;
  ok: boolean;
  detail: string;
  millis: number;
}

export interface SmokeOptions {
  apiUrl: string;
  token: string | undefined;
  timeoutMs: number;
  pollMs?: number;
  runId?: string;
  now?: () => Date;
  onStep?: (step: SmokeStep) => void;
}

interface ContradictionItem {
  id: string;
  later: { documentId: string };
  alert?: { channel: string; alertedAt: string };
}

export async function runSmoke(options: SmokeOptions): Promise<{ ok: boolean; steps: SmokeStep[] }> {
  const now = options.now ?? (() => new Date());
  const started = now().getTime();
  const runId = options.runId ?? started.toString(36);
  const steps: SmokeStep[] = [];
  const record = (step: string, ok: boolean, detail: string) => {
    const entry = { step, ok, detail, millis: now().getTime() - started };
    steps.push(entry);
    options.onStep?.(entry);
    return ok;
  };
  const documents = smokeDocuments(runId, now());

  const health = await fetch(new URL('/health', options.apiUrl), { signal: AbortSignal.timeout(10_000) }).catch(
    (error: Error) => error,
  );
  if (
    !record(
      'health',
      !(health instanceof Error) && health.ok,
      health instanceof Error ? health.message : `HTTP ${health.status}`,
    )
  ) {
    return { ok: false, steps };
  }
  for (const document of documents) {
    const answer = await postDocument(options.apiUrl, options.token, document);
    const ok = answer.status === 201 || answer.status === 202;
    if (
      !record(
        `POST /documents ${document.id}`,
        ok,
        `HTTP ${answer.status} ${ok ? '' : String(answer.body.message ?? '')}`.trim(),
      )
    ) {
      return { ok: false, steps };
    }
  }

  const deadline = started + options.timeoutMs;
  const url = new URL('/contradictions', options.apiUrl);
  url.searchParams.set('actor', 'ukraine');
  url.searchParams.set('topic', 'venue');
  url.searchParams.set('since', documents[0].publishedAt);
  let found: ContradictionItem | undefined;
  while (now().getTime() < deadline) {
    const response = await fetch(url, {
      headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
      signal: AbortSignal.timeout(10_000),
    }).catch(() => undefined);
    if (response?.ok) {
      const page = (await response.json()) as { items: ContradictionItem[] };
      found = page.items.find((item) => item.later.documentId === documents[1].id);
      if (found?.alert) break;
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 2_000));
  }
  if (
    !record(
      'contradiction detected',
      found !== undefined,
      found ? found.id : `not within ${options.timeoutMs / 1000} s`,
    )
  ) {
    return { ok: false, steps };
  }
  const alerted = found?.alert !== undefined;
  record(
    'alert published',
    alerted,
    alerted ? `via ${found?.alert?.channel} at ${found?.alert?.alertedAt}` : 'no alert recorded yet',
  );
  return { ok: alerted, steps };
}
