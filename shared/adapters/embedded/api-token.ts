import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { DataFolder } from './data-folder';

/**
 * The embedded API token: made on first start (32 random bytes), kept in the data folder with
 * file mode 0600, reused afterwards. `stancewatch token` prints it.
 */
export function ensureApiToken(folder: DataFolder): string {
  try {
    const existing = readFileSync(folder.token, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(folder.root, { recursive: true });
  const token = `sw_${randomBytes(32).toString('base64url')}`;
  writeFileSync(folder.token, `${token}\n`, { mode: 0o600 });
  chmodSync(folder.token, 0o600);
  return token;
}
