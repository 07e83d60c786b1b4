import type { AppDeps } from '../../platform/deps.ts';

/** What the accounts commands need from the composition root. */
export type AccountsDeps = Pick<AppDeps, 'database' | 'config' | 'translator' | 'sessionPolicy'>;
