import { DataFolder } from '../shared/adapters/embedded/data-folder';
import { openStancewatch, type Stancewatch } from '../shared/wiring/embedded';
import { cliConfig, dataDirOf } from './config';

/** Opens the embedded store of `--data` (or the default folder) for one CLI command. */
export function openStore(dataFlag: string | undefined, command: string, verbose = false): Promise<Stancewatch> {
  return openStancewatch({ folder: new DataFolder(dataDirOf(dataFlag)), command, verbose, config: cliConfig() });
}

/** Runs `work` with the store open and always closes it, even on failure. */
export async function withStore<T>(
  dataFlag: string | undefined,
  command: string,
  work: (store: Stancewatch) => Promise<T>,
): Promise<T> {
  const store = await openStore(dataFlag, command);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
