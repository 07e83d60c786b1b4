import type { Config } from '../config.ts';
import type { Database } from './db/client.ts';
import type { Translator } from './i18n/messages.ts';
import type { SessionPolicy } from './auth/sessions.ts';
import type { ApiRegistry } from './http/openapi.ts';
import type { Slots } from './http/slots.ts';

/** What every area's routes and commands receive from the composition root. */
export interface AppDeps {
  config: Config;
  database: Database;
  translator: (locale: string) => Translator;
  sessionPolicy: SessionPolicy;
  /** Describe every /api route here; /api/openapi.json is generated from it. */
  api: ApiRegistry;
  /** Content areas contribute to pages owned by other areas. */
  slots: Slots;
}
