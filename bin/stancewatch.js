#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (ts-node cannot run under TypeScript 7).
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
