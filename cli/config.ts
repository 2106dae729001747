import { type Config, readConfig } from '../shared/config';

let read: Readonly<Config> | undefined;

/** The configuration, read from the environment once per CLI process (on first use). */
export function cliConfig(): Readonly<Config> {
  read ??= readConfig();
  return read;
}

/** The data folder: `--data`, else STANCEWATCH_DATA, else `.stancewatch` here. */
export const dataDirOf = (flag: string | undefined): string => flag ?? cliConfig().embedded.dataDir;
