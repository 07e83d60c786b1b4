import type { Config } from '../config.ts';
import type { Database } from './db/client.ts';
import type { Translator } from './i18n/messages.ts';
import type { SessionPolicy } from './auth/sessions.ts';

/** What every area's routes and commands receive from the composition root. */
export interface AppDeps {
  config: Config;
  database: Database;
  translator: (locale: string) => Translator;
  sessionPolicy: SessionPolicy;
}
