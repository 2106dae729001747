/** See bin/allocator-env.js. */
export function allocatorEnv(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Record<string, string> | undefined;
