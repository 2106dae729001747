import { ENV } from '../shared/config';
import { CLI_EXIT_BY_CODE, isStancewatchError } from '../shared/errors';

/** Thrown for wrong CLI usage: exit status 2, like commander's own usage errors. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** Human output goes to stderr when --json is on, so stdout carries only JSON. */
export interface Output {
  json: boolean;
  /** Progress and informational lines (stderr when --json, else stdout). */
  info(line: string): void;
  /** The command's result: JSON on stdout with --json, else the human rendering. */
  result(value: unknown, human: () => string): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    info: (line) => (json ? process.stderr.write(`${line}\n`) : process.stdout.write(`${line}\n`)),
    result: (value, human) => {
      process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
    },
  };
}

/** One clear line for any failure; the stack only with STANCEWATCH_DEBUG=1. */
export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliUsageError) return { message: error.message, exitCode: 2 };
  if (isStancewatchError(error)) {
    return { message: `${error.message} [${error.code}]`, exitCode: CLI_EXIT_BY_CODE[error.code] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: `unexpected error: ${message} (STANCEWATCH_DEBUG=1 shows details)`, exitCode: 1 };
}

/** Wraps a command action: any error becomes one line on stderr and a non-zero exit. */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      const { message, exitCode } = describeFailure(error);
      process.stderr.write(`stancewatch: ${message}\n`);
      // Read here rather than from the configuration: the failure may be the configuration itself.
      if (process.env[ENV.debug] === '1' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      process.exitCode = exitCode;
    }
  };
}
