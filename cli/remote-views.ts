import type { ContradictionQuery, Page, PositionQuery, TimelineQuery, ViewReader } from '../shared/ports/views';
import { CliUsageError } from './cli-output';

/** The reads the CLI makes, whether from the local views or from a running API. */
export type CliViewReader = Pick<ViewReader, 'listPositions' | 'getTimeline' | 'listContradictions'>;

/** The same reads over HTTP from a running or deployed stancewatch API (its JSON is the views' own shape). */
export function remoteViews(apiUrl: string, token: string | undefined): CliViewReader {
  const get = async <T>(
    path: string,
    query: Record<string, string | number | boolean | undefined>,
  ): Promise<Page<T>> => {
    const url = new URL(path, apiUrl);
    for (const [name, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(name, String(value));
    let response: Response;
    try {
      response = await fetch(url, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new Error(`cannot reach ${apiUrl}: ${(error as Error).message}`);
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok) return body as unknown as Page<T>;
    const message = String(body.message ?? `HTTP ${response.status}`);
    if (response.status === 401) throw new CliUsageError(`${apiUrl} refused the token (401)`);
    throw response.status < 500 ? new CliUsageError(message) : new Error(`${apiUrl}: ${message}`);
  };
  const encode = encodeURIComponent;
  return {
    listPositions: (query: PositionQuery = {}) => get('/positions', { ...query }),
    getTimeline: ({ actor, topic, ...query }: TimelineQuery) =>
      get(`/positions/${encode(actor)}/${encode(topic)}/timeline`, { ...query }),
    listContradictions: (query: ContradictionQuery = {}) => get('/contradictions', { ...query }),
  };
}
