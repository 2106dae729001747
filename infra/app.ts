import { buildApp } from './build-app';

/** `npx cdk synth|deploy` runs this (cdk.json: `npx tsx infra/app.ts`). */
buildApp().app.synth();
