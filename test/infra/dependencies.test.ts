import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/bundling';

interface Lockfile {
  packages: Record<string, { version?: string }>;
}

const read = <T>(file: string) => JSON.parse(readFileSync(join(PROJECT_ROOT, file), 'utf8')) as T;

describe('Powertools', () => {
  it('every @aws-lambda-powertools package is on one version, so a bundle holds one copy of commons', () => {
    const manifest = read<{ dependencies: Record<string, string> }>('package.json');
    const declared = Object.entries(manifest.dependencies).filter(([name]) =>
      name.startsWith('@aws-lambda-powertools/'),
    );
    expect(declared.length).toBeGreaterThan(0);
    expect(new Set(declared.map(([, version]) => version)).size, JSON.stringify(declared)).toBe(1);

    const installed = Object.entries(read<Lockfile>('package-lock.json').packages)
      .filter(([path]) => /(^|\/)node_modules\/@aws-lambda-powertools\//.test(path))
      .map(
        ([path, entry]) => `${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${entry.version}`,
      );
    const versions = new Set(installed.map((entry) => entry.slice(entry.lastIndexOf('@') + 1)));
    expect(versions, installed.join(', ')).toEqual(new Set([declared[0]?.[1]]));
    // One copy each: a nested node_modules/@aws-lambda-powertools/commons would be a second one.
    const names = installed.map((entry) => entry.slice(0, entry.lastIndexOf('@')));
    expect(names.length).toBe(new Set(names).size);
  });
});
