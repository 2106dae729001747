import { readFileSync } from 'node:fs';
import { DataFolder, readLiveLock } from '../shared/adapters/embedded/data-folder';
import { dataDirOf } from './config';

export interface RunningServer {
  url: string;
  token: string | undefined;
  pid: number;
}

/**
 * The `stancewatch start` that holds this data folder, if one is running: commands that would
 * otherwise fail on the lock talk to it over HTTP instead, with the folder's own token.
 */
export function runningServer(dataFlag: string | undefined): RunningServer | undefined {
  const folder = new DataFolder(dataDirOf(dataFlag));
  const holder = readLiveLock(folder);
  if (!holder?.url) return undefined;
  let token: string | undefined;
  try {
    token = readFileSync(folder.token, 'utf8').trim();
  } catch {
    token = undefined;
  }
  return { url: holder.url, token, pid: holder.pid };
}
