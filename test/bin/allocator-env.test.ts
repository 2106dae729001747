import { describe, expect, it } from 'vitest';
import { allocatorEnv } from '../../bin/allocator-env.js';

describe('allocatorEnv (the malloc settings stancewatch start relaunches with)', () => {
  it('asks for two malloc arenas on Linux when nothing is set', () => {
    expect(allocatorEnv({}, 'linux')).toEqual({ MALLOC_ARENA_MAX: '2' });
  });

  it('keeps a MALLOC_ARENA_MAX set by hand, whatever its value (no relaunch)', () => {
    expect(allocatorEnv({ MALLOC_ARENA_MAX: '8' }, 'linux')).toBeUndefined();
    expect(allocatorEnv({ MALLOC_ARENA_MAX: '' }, 'linux')).toBeUndefined();
  });

  it('adds nothing where glibc is not the allocator', () => {
    expect(allocatorEnv({}, 'darwin')).toBeUndefined();
    expect(allocatorEnv({}, 'win32')).toBeUndefined();
  });
});
