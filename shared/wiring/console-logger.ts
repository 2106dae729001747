import type { HandlerLogger } from '../../functions/streams/stream-handler';

/**
 * The handlers' logger outside Lambda: errors always reach stderr (one JSON line, like
 * Powertools), info only when verbose.
 */
export function functionsLogger(verbose: boolean): HandlerLogger {
  const write = (level: string, message: string, extra?: Record<string, unknown>) =>
    process.stderr.write(`${JSON.stringify({ level, message, timestamp: new Date().toISOString(), ...extra })}\n`);
  return {
    info: (message, extra) => {
      if (verbose) write('INFO', message, extra);
    },
    error: (message, extra) => write('ERROR', message, extra),
  };
}
