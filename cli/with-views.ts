import type { CliViewReader } from './remote-views';
import { runningServer } from './running-server';

/**
 * Runs a read against the views: through the running `stancewatch start` that holds the data
 * folder when there is one (the folder can have only one opener), else on the store directly.
 */
export async function withViews<T>(
  dataFlag: string | undefined,
  command: string,
  read: (views: CliViewReader) => Promise<T>,
): Promise<T> {
  const server = runningServer(dataFlag);
  if (server) {
    const { remoteViews } = await import('./remote-views');
    process.stderr.write(`stancewatch: reading from the running stancewatch (pid ${server.pid}) at ${server.url}\n`);
    return read(remoteViews(server.url, server.token));
  }
  const { withStore } = await import('./open-store');
  return withStore(dataFlag, command, (store) => read(store.views));
}
