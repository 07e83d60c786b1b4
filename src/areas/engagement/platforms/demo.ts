/**
 * Demo national mine action platforms (invented details, realistic shapes): Senegal's, set up after
 * its 2023 individualised-approach meeting; Cambodia's and Colombia's long-standing ones; Iraq's
 * recorded as not existing; Tajikistan's as unknown. Flagged demo; idempotent per State.
 */
import type { Database } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { findState } from '../../states/index.ts';
import type { Exists, MemberKind } from './platforms.ts';
import * as repo from './platforms-repository.ts';

interface DemoPlatform {
  state: string;
  exists: Exists;
  establishedOn?: string;
  lastMetOn?: string;
  chairedBy?: string;
  source: string;
  notes?: string;
  actionIds: string[];
  members: [string, MemberKind, number | null, number | null, number | null][];
}

const PLATFORMS: DemoPlatform[] = [
  {
    state: 'SN',
    exists: 'yes',
    establishedOn: '2023-11-20',
    lastMetOn: '2024-05-14',
    chairedBy: 'National mine action centre (demo)',
    source: 'Article 7 report for 2023; bilateral meeting, 2024 (demo)',
    notes: 'Set up after the individualised-approach meeting of June 2023; meets twice a year. (Demo.)',
    actionIds: ['OAP-42', 'OAP-45'],
    members: [
      ['National mine action centre (demo)', 'government', 3, 5, 0],
      ['Ministry of the Armed Forces (demo)', 'government', 1, 3, 0],
      ['Demining operator A (demo)', 'operator', 2, 4, 0],
      ['UNDP country office (demo)', 'un', 2, 1, 0],
      ['European Union delegation (demo)', 'donor', 1, 1, 0],
      ['Survivors’ association of Casamance (demo)', 'survivors', 2, 2, 0],
    ],
  },
  {
    state: 'KH',
    exists: 'yes',
    establishedOn: '2012-06-01',
    lastMetOn: '2024-03-27',
    chairedBy: 'National mine action authority (demo)',
    source: 'Article 7 report for 2023 (demo)',
    actionIds: ['OAP-45', 'OAP-47'],
    members: [
      ['National mine action authority (demo)', 'government', 4, 6, 0],
      ['Operators’ forum (demo)', 'operator', 5, 7, 0],
      ['Donor working group (demo)', 'donor', 3, 3, 0],
      ['Civil society network (demo)', 'civil_society', 4, 2, 1],
    ],
  },
  {
    state: 'CO',
    exists: 'yes',
    establishedOn: '2016-09-15',
    lastMetOn: '2024-02-08',
    chairedBy: 'Office of the High Commissioner for Peace (demo)',
    source: 'Bilateral meeting, 2023 (demo)',
    actionIds: ['OAP-45'],
    members: [
      ['Government mine action office (demo)', 'government', 3, 2, 0],
      ['Humanitarian demining operators (demo)', 'operator', 4, 6, 0],
      ['Victims’ organisations (demo)', 'survivors', null, null, null],
    ],
  },
  { state: 'IQ', exists: 'no', source: 'Article 7 report for 2023 (demo)', notes: 'Coordination meetings are held by region; no national platform yet. (Demo.)', actionIds: [], members: [] },
  { state: 'TJ', exists: 'unknown', source: 'To be asked at the 21MSP individualised-approach preparation (demo)', actionIds: [], members: [] },
];

/** Seeds the demo platforms (demo mode only). */
export async function seedDemoNationalPlatforms(database: Pick<Database, 'db'>): Promise<void> {
  for (const d of PLATFORMS) {
    await withTransaction(database.db, async (tx) => {
      if (!(await findState(tx, d.state)) || (await repo.findPlatform(tx, d.state))) return;
      const row = await repo.insertPlatform(tx, {
        stateIso2: d.state,
        exists: d.exists,
        establishedOn: d.establishedOn ?? null,
        lastMetOn: d.lastMetOn ?? null,
        chairedBy: d.chairedBy ?? null,
        notes: d.notes ?? null,
        source: d.source,
        actionIds: d.actionIds,
        isDemo: true,
      });
      if (!row) return;
      let position = 1;
      for (const [organisation, kind, women, men, otherGender] of d.members) await repo.insertMember(tx, { stateIso2: d.state, organisation, kind, women, men, otherGender, position: position++ });
      await recordAudit(tx, { ...SYSTEM_ACTOR, label: 'seed' }, { action: 'engagement.national_platform.recorded', entityType: 'national_platform', entityId: d.state, summary: { demo: true, exists: d.exists } });
    });
  }
}
