/** What the HTTP API answers to POST /documents (see functions/api). */
export interface RemoteIngestAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * The CLI's client for a running or deployed stancewatch API (`--api URL --token T`). Network
 * failures become one clear message; HTTP errors are returned for the caller to report.
 */
export async function postDocument(
  apiUrl: string,
  token: string | undefined,
  document: unknown,
): Promise<RemoteIngestAnswer> {
  let response: Response;
  try {
    response = await fetch(new URL('/documents', apiUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(document),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    throw new Error(`cannot reach ${apiUrl}: ${(error as Error).message}`);
  }
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { error: 'UNEXPECTED_RESPONSE', message: text.slice(0, 200) };
  }
  return { status: response.status, body };
}
