#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { allocatorEnv } from './allocator-env.js';

const extraEnv = process.argv[2] === 'start' ? allocatorEnv(process.env, process.platform) : undefined;

if (extraEnv) {
  // `start` runs for months: start it again with the malloc settings glibc only reads at startup
  // (bin/allocator-env.js). This process stays as a thin parent: it passes signals on and exits
  // as the server does. Other commands are short and run here directly.
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    // The IPC channel lets the server notice this parent's end, even by SIGKILL, and stop too.
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...extraEnv },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    // Ctrl-C reaches both processes (one process group); the server ignores a repeated signal.
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    console.error(`stancewatch: could not start the server process: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
} else {
  // Runs the TypeScript CLI through tsx (ts-node cannot run under TypeScript 7).
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/main.ts');
}
