import { readLabelledTokens } from '../shared/adapters/embedded/api-token';
import { DataFolder } from '../shared/adapters/embedded/data-folder';
import { readAllPages } from '../shared/application/read-all-pages';
import { rejectStatement } from '../shared/application/reject-statement';
import { type ReviewRequest, reviewContradiction } from '../shared/application/review-contradiction';
import type { ContradictionView, DeskStats } from '../shared/ports/views';
import { CliUsageError } from './cli-output';
import { dataDirOf } from './config';
import { runningServer } from './running-server';

/** A verdict as the CLI asks for it: who gives it is the desk's label. */
type VerdictRequest = ReviewRequest extends infer R ? (R extends unknown ? Omit<R, 'by'> : never) : never;

/** What `stancewatch review` does, against the local store or the running server that holds it. */
export interface ReviewDesk {
  queue(): Promise<ContradictionView[]>;
  verdict(request: VerdictRequest): Promise<{ contradiction: ContradictionView; recorded: boolean }>;
  reject(request: {
    documentId: string;
    statementId: string;
    note?: string | undefined;
  }): Promise<{ recorded: boolean }>;
  stats(days: number): Promise<DeskStats>;
}

const DAY_MS = 86_400_000;

/**
 * Runs `work` with a review desk for the data folder, acting as `label` (`owner` by default): over
 * HTTP with that label's token when `stancewatch start` holds the folder, else on the store.
 */
export async function withReviewDesk<T>(
  dataFlag: string | undefined,
  label: string,
  work: (desk: ReviewDesk) => Promise<T>,
): Promise<T> {
  const server = runningServer(dataFlag);
  if (server) {
    const token = label === 'owner' ? server.token : readLabelledTokens(new DataFolder(dataDirOf(dataFlag)))[label];
    if (!token)
      throw new CliUsageError(`no token labelled "${label}": make one with stancewatch token --label ${label}`);
    process.stderr.write(`stancewatch: talking to the running stancewatch (pid ${server.pid}) at ${server.url}\n`);
    return work(remoteDesk(server.url, token));
  }
  const { withStore } = await import('./open-store');
  return withStore(dataFlag, 'stancewatch review', async (store) => {
    const desk: ReviewDesk = {
      queue: async () => (await readAllPages((page) => store.views.listReviewQueue(page))).items,
      verdict: (request) => reviewContradiction(store, { ...request, by: label } as ReviewRequest),
      reject: async (request) => {
        const outcome = await rejectStatement(store, { ...request, by: label });
        await store.drain();
        return outcome;
      },
      stats: (days) => store.views.getDeskStats(new Date(Date.now() - days * DAY_MS).toISOString()),
    };
    const result = await work(desk);
    // The projector and the alerter run in this process: let a confirmation's alert go out now.
    await store.drain();
    return result;
  });
}

function remoteDesk(apiUrl: string, token: string): ReviewDesk {
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(new URL(path, apiUrl), {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new Error(`cannot reach ${apiUrl}: ${(error as Error).message}`);
    }
    const parsed = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok) return parsed as T;
    const message = String(parsed.message ?? `HTTP ${response.status}`);
    throw response.status < 500 ? new CliUsageError(message) : new Error(`${apiUrl}: ${message}`);
  };
  return {
    queue: async () =>
      (
        await readAllPages(async (page) => {
          const query = new URLSearchParams({
            limit: String(page.limit ?? 100),
            ...(page.cursor ? { cursor: page.cursor } : {}),
          });
          return call<{ items: ContradictionView[]; next?: string }>('GET', `/review?${query}`);
        })
      ).items,
    verdict: ({ contradictionId, ...body }) =>
      call('POST', `/contradictions/${encodeURIComponent(contradictionId)}/verdict`, body),
    reject: ({ statementId, ...body }) => call('POST', `/statements/${encodeURIComponent(statementId)}/reject`, body),
    stats: (days) => call('GET', `/stats?days=${days}`),
  };
}
