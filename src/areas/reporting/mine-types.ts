/**
 * The seed of the shared mine-type catalogue: common anti-personnel mine models named in Article 7
 * reports, and generic entries for improvised and unidentified mines. ISU can extend it.
 */
import type { DbOrTx } from '../../platform/db/client.ts';
import { mineTypes } from './schema.ts';

const CATALOGUE: [code: string, name: string, category: string, origin: string | null][] = [
  ['PMN', 'PMN', 'blast', 'USSR'],
  ['PMN-2', 'PMN-2', 'blast', 'USSR'],
  ['PMN-4', 'PMN-4', 'blast', 'Russian Federation'],
  ['PMD-6', 'PMD-6', 'blast', 'USSR'],
  ['PFM-1', 'PFM-1', 'blast', 'USSR'],
  ['POMZ-2', 'POMZ-2', 'fragmentation', 'USSR'],
  ['POMZ-2M', 'POMZ-2M', 'fragmentation', 'USSR'],
  ['OZM-3', 'OZM-3', 'bounding', 'USSR'],
  ['OZM-4', 'OZM-4', 'bounding', 'USSR'],
  ['OZM-72', 'OZM-72', 'bounding', 'USSR'],
  ['MON-50', 'MON-50', 'directional', 'USSR'],
  ['MON-90', 'MON-90', 'directional', 'USSR'],
  ['MON-100', 'MON-100', 'directional', 'USSR'],
  ['M14', 'M14', 'blast', 'United States'],
  ['M16', 'M16', 'bounding', 'United States'],
  ['M18A1', 'M18A1 (Claymore)', 'directional', 'United States'],
  ['VS-50', 'VS-50', 'blast', 'Italy'],
  ['VAR-40', 'VAR/40', 'blast', 'Italy'],
  ['VALMARA-69', 'Valmara 69', 'bounding', 'Italy'],
  ['TS-50', 'TS-50', 'blast', 'Italy'],
  ['SB-33', 'SB-33', 'blast', 'Italy'],
  ['PROM-1', 'PROM-1', 'bounding', 'Yugoslavia'],
  ['PMA-1', 'PMA-1', 'blast', 'Yugoslavia'],
  ['PMA-2', 'PMA-2', 'blast', 'Yugoslavia'],
  ['PMA-3', 'PMA-3', 'blast', 'Yugoslavia'],
  ['PMR-2A', 'PMR-2A', 'fragmentation', 'Yugoslavia'],
  ['TYPE-72', 'Type 72', 'blast', 'China'],
  ['TYPE-69', 'Type 69', 'bounding', 'China'],
  ['MAPS', 'M/966 (MAPS)', 'blast', 'Portugal'],
  ['MI-AP-DV-59', 'Mle 1959 (MI AP DV 59)', 'blast', 'France'],
  ['IMPROVISED', 'Improvised anti-personnel mine', 'improvised', null],
  ['UNKNOWN', 'Type not identified', 'unknown', null],
];

export async function seedMineTypes(db: DbOrTx): Promise<void> {
  await db
    .insert(mineTypes)
    .values(CATALOGUE.map(([code, name, category, origin], i) => ({ code, name, category, origin, sortOrder: i })))
    .onConflictDoNothing();
}
