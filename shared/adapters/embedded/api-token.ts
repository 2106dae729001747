import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { ValidationError } from '../../errors';
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
  const token = newToken();
  writeFileSync(folder.token, `${token}\n`, { mode: 0o600 });
  chmodSync(folder.token, 0o600);
  return token;
}

const newToken = () => `sw_${randomBytes(32).toString('base64url')}`;

/** Token labels name people (they end up in verdicts): short, plain. */
const LABEL = /^[a-z0-9][a-z0-9._-]{0,39}$/;
const RESERVED_LABELS = new Set(['owner', 'local', 'unknown']);

/**
 * A labelled token, for one analyst (`stancewatch token --label alice`): made on first request,
 * kept beside the main token in `api-tokens.json` (mode 0600). Verdicts given with it record the
 * label.
 */
export function ensureLabelledToken(folder: DataFolder, label: string): string {
  if (!LABEL.test(label) || RESERVED_LABELS.has(label)) {
    throw new ValidationError(
      `a token label is 1-40 characters of a-z 0-9 . _ - starting with a letter or digit, and not owner, local or unknown (got "${label}")`,
    );
  }
  const tokens = readLabelledTokens(folder);
  const existing = tokens[label];
  if (existing) return existing;
  const token = newToken();
  mkdirSync(folder.root, { recursive: true });
  writeFileSync(folder.labelledTokens, `${JSON.stringify({ ...tokens, [label]: token }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(folder.labelledTokens, 0o600);
  return token;
}

/** label → token; empty when no labelled token was made. */
export function readLabelledTokens(folder: DataFolder): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(folder.labelledTokens, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  return Object.fromEntries(
    Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/**
 * The labelled tokens as the API reads them: re-read only when the file changed, so a token made
 * with `stancewatch token --label` while `start` runs works at once without a read per request.
 */
export function labelledTokensOf(folder: DataFolder): () => Promise<Record<string, string>> {
  let cached: { mtimeMs: number; tokens: Record<string, string> } | undefined;
  return async () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(folder.labelledTokens).mtimeMs;
    } catch {
      return {};
    }
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, tokens: readLabelledTokens(folder) };
    return cached.tokens;
  };
}
