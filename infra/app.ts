import { buildApp } from './build-app';
import { ConfigError } from './config';

/** `npx cdk synth|deploy` runs this (cdk.json: `npx tsx infra/app.ts`). */
try {
  buildApp().app.synth();
} catch (error) {
  // A bad -c value is the user's input: its message names the key and what it must be; a stack
  // trace around it only hides it. Anything else is a fault of the app and keeps its stack.
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
