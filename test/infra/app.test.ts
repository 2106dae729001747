import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const APP = fileURLToPath(new URL('../../infra/app.ts', import.meta.url));

/** Runs infra/app.ts as `cdk synth` does: the context in CDK_CONTEXT_JSON, the output folder in CDK_OUTDIR. */
function runApp(context: Record<string, unknown>) {
  const outdir = mkdtempSync(join(tmpdir(), 'stancewatch-cdk-'));
  return new Promise<{ code: number | null; stderr: string; outdir: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', APP], {
      env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(context), CDK_OUTDIR: outdir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, outdir }));
  });
}

describe('infra/app.ts (what cdk synth runs)', { timeout: 60_000 }, () => {
  it('answers a bad context value with its message alone: no stack trace, nothing synthesised', async () => {
    const result = await runApp({ digestHour: '25' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      '-c digestHour: expected a whole number from 0 to 23, got "25" (see docs/deploy.md, "Configuration")\n',
    );
    expect(readdirSync(result.outdir)).toEqual([]);
  });
});
