import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectRows, fitConfidence, WEIGHTS_FILE, weightsFileOf } from './calibrate';

describe('the committed confidence weights', () => {
  // The weights cannot drift from the data: a rule change that changes what the development sets
  // yield makes this fail until `npm run calibrate` is run again and its report read.
  it('are what a fresh fit on the development sets gives', () => {
    const rows = collectRows();
    const fresh = weightsFileOf(rows, fitConfidence(rows));
    const committed = JSON.parse(readFileSync(WEIGHTS_FILE, 'utf8')) as unknown;
    expect(committed).toEqual(fresh);
  }, 30_000);
});
