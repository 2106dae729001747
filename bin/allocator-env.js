// The malloc settings `stancewatch start` runs under (see docs/performance.md, "Embedded soak").
//
// glibc gives each thread that meets contention its own malloc arena, up to 8 per core. LevelDB
// (dynalite's store) works on libuv's pool threads and its own compaction thread, V8 on its
// worker threads; memory freed in one arena is not reused by the others and is rarely given back,
// so a long-running server's RSS creeps up while its heap stays flat. Two arenas bound that.
// glibc reads MALLOC_ARENA_MAX only when a process starts, so the bin starts the server again with
// it set. Setting MALLOC_ARENA_MAX yourself (any value) keeps yours and skips the relaunch.

/**
 * The variables to add to `env` before the long-running server starts, or undefined when there is
 * nothing to add (not Linux, where the setting means nothing, or already set).
 * @param {NodeJS.ProcessEnv} env
 * @param {NodeJS.Platform} platform
 * @returns {Record<string, string> | undefined}
 */
export function allocatorEnv(env, platform) {
  if (platform !== 'linux' || env.MALLOC_ARENA_MAX !== undefined) return undefined;
  return { MALLOC_ARENA_MAX: '2' };
}
