/**
 * Demo accounts for every role. They are labelled demo (is_demo), named as such, and cannot sign
 * in when demo mode is off. Their e-mail addresses use the reserved example.org domain.
 */
import type { DbOrTx } from '../../platform/db/client.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { users } from './schema.ts';
import type { Role } from './schema.ts';

export const DEMO_PASSWORD = 'demo-password-2026';

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  stateIso2?: string;
  committeeId?: string;
  locale: string;
  organisation?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@demo.example.org', name: 'Demo Administrator', role: 'admin', locale: 'en', organisation: 'Platform administration (demo)' },
  { email: 'isu@demo.example.org', name: 'Demo ISU Officer', role: 'isu_staff', locale: 'en', organisation: 'Implementation Support Unit (demo)' },
  { email: 'committee@demo.example.org', name: 'Demo Committee Member', role: 'committee_member', committeeId: 'cooperation-assistance', locale: 'en', organisation: 'Committee on the Enhancement of Cooperation and Assistance (demo)' },
  { email: 'preparer.sn@demo.example.org', name: 'Aminata Demo (preparer)', role: 'state_preparer', stateIso2: 'SN', locale: 'fr', organisation: 'Centre national d’action antimines (démo)' },
  { email: 'approver.sn@demo.example.org', name: 'Moussa Demo (approver)', role: 'state_approver', stateIso2: 'SN', locale: 'fr', organisation: 'Mission permanente (démo)' },
  { email: 'preparer.iq@demo.example.org', name: 'Layla Demo (preparer)', role: 'state_preparer', stateIso2: 'IQ', locale: 'ar', organisation: 'دائرة شؤون الألغام (تجريبي)' },
  { email: 'approver.iq@demo.example.org', name: 'Karim Demo (approver)', role: 'state_approver', stateIso2: 'IQ', locale: 'ar', organisation: 'البعثة الدائمة (تجريبي)' },
];

export async function seedDemoUsers(db: DbOrTx): Promise<{ email: string; role: string; password: string }[]> {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    await db
      .insert(users)
      .values({ email: u.email, name: u.name, role: u.role, stateIso2: u.stateIso2 ?? null, committeeId: u.committeeId ?? null, locale: u.locale, organisation: u.organisation ?? null, passwordHash: hash, isDemo: true })
      .onConflictDoNothing();
  }
  return DEMO_USERS.map((u) => ({ email: u.email, role: u.role, password: DEMO_PASSWORD }));
}
