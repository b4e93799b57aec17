#!/usr/bin/env node
// The package runs its TypeScript sources directly through tsx, so `npm install && npm start`
// needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
