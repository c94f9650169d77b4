#!/usr/bin/env node
// The `kiosk` bin. The CLI is TypeScript run through tsx, so IT staff need no
// build step on a kiosk that has the source checkout.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
