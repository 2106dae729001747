import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CALIBRATE_USAGE,
  calibrateOptions,
  collectRows,
  fitConfidence,
  WEIGHTS_FILE,
  weightsFileOf,
} from './calibrate';

describe('the committed confidence weights', () => {
  // The weights cannot drift from the data: a rule change that changes what the development sets
  // yield makes this fail until `npm run calibrate` is run again and its report read.
  it('are what a fresh fit on the development sets gives', () => {
    const rows = collectRows();
    const fresh = weightsFileOf(rows, fitConfidence(rows));
    const committed = JSON.parse(readFileSync(WEIGHTS_FILE, 'utf8')) as unknown;
    expect(committed).toEqual(fresh);
    // It extracts every development set (twenty-eight, 3,400 statements) and fits: about 30 s on a
    // loaded two-core machine, longer as sets are added.
  }, 120_000);
});

describe('npm run calibrate: its command line', () => {
  it('writes by default, and --no-write and --force say what they say', () => {
    expect(calibrateOptions([])).toEqual({ write: true, force: false });
    expect(calibrateOptions(['--no-write'])).toEqual({ write: false, force: false });
    expect(calibrateOptions(['--force'])).toEqual({ write: true, force: true });
    expect(calibrateOptions(['--stability'])).toEqual({ write: true, force: false, stability: true });
  });

  it('refuses what it does not know with a message and the usage, before fitting or writing anything', () => {
    for (const args of [['--bogus'], ['--nowrite'], ['press-3']]) {
      const parsed = calibrateOptions(args);
      expect(parsed).toHaveProperty('error');
      expect((parsed as { error: string }).error).toContain(CALIBRATE_USAGE);
    }
  });
});
