/**
 * The permissions matrix: every GET page of the app (enumerated from app.routeList, parameters
 * filled from Senegal's demo records) × every role, plus a user of another State (Iraq). The
 * expected answer comes from the rules below — the policies written as a table — so a new route
 * is checked as soon as it exists: public unless its path says otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, testConfig, type TestApp } from '../../support/app.ts';
import { createInvitation } from '../../support/questionnaires.ts';
import { exampleParams, fillRoute, pageRoutes } from '../../support/browser.ts';
import { seedDemoReports } from '../../../src/areas/reporting/index.ts';
import { agentFrom } from '../accounts/helpers.ts';
import type { Agent } from '../../support/app.ts';
import type { Role } from '../../../src/areas/accounts/schema.ts';

type Who = 'anonymous' | 'preparer' | 'approver' | 'other_state' | 'committee' | 'isu' | 'admin';
type Outcome = 'ok' | 'login' | 'denied' | 'hidden' | 'redirect' | 'any' | 'ok-or-redirect';
const WHO: Who[] = ['anonymous', 'preparer', 'approver', 'other_state', 'committee', 'isu', 'admin'];
const DOWNLOAD = /\.(csv|json|xlsx|pdf|docx|zip|ics)$/;

const signedIn = (w: Who) => w !== 'anonymous';
const staff = (w: Who) => w === 'isu' || w === 'admin';
const ownState = (w: Who) => w === 'preparer' || w === 'approver';
const stateUser = (w: Who) => ownState(w) || w === 'other_state';

/** The policies as a table: what each kind of page answers to each kind of user. */
function expected(route: string, w: Who): Outcome {
  const p = route.replace('/:locale', '');
  const gate = (allowed: boolean): Outcome => (!signedIn(w) ? 'login' : allowed ? 'ok' : 'denied');
  // One-time links and the sign-in pages answer everyone (signed-in users may be sent on).
  if (/^\/(invitation|password)\b/.test(p) || /^\/login\b/.test(p)) return 'any';
  if (/^\/admin\/states\/(new|:iso2\/membership)$/.test(p)) return gate(w === 'admin');
  if (/^\/admin\b/.test(p)) return gate(staff(w));
  // A page of one's own account (some send you on, e.g. removing a second factor you do not have).
  if (/^\/account\b/.test(p)) return signedIn(w) ? 'ok-or-redirect' : 'login';
  // Questionnaires (questionnaires/policy.ts). Answering by personal link: whoever holds the link,
  // signed in or not (the example link is valid and the questionnaire open; the response is submitted).
  if (/^\/answer\/:token\b/.test(p)) return 'ok';
  // A file of a response: the invitee's own, or any response's for those who may read the results.
  if (/^\/questionnaires\/:id\/respond\/files\/:file$/.test(p)) return gate(w === 'preparer' || w === 'committee' || staff(w));
  // Answering signed in: only the account an invitation names (the matrix's Senegal preparer).
  if (/^\/questionnaires\/:id\/respond\b/.test(p)) return gate(w === 'preparer');
  // Reopening applies to a questionnaire closed by hand; the example is open, so nobody may.
  if (/^\/questionnaires\/:id\/circulation\/reopen$/.test(p)) return gate(false);
  // Building, circulating and results: ISU, administrators and members of the owning committee.
  if (/^\/questionnaires\b/.test(p)) return gate(w === 'committee' || staff(w));
  // The questionnaires one's account is invited to answer: anyone signed in.
  if (/^\/my\/questionnaires$/.test(p)) return gate(true);
  if (/^\/my\b/.test(p)) return gate(stateUser(w));
  if (/^\/review\b/.test(p) || /\/review$/.test(p)) return gate(staff(w));
  // Only the State itself brings answers in from a file.
  if (/^\/reports\/:id\/import\b/.test(p)) return gate(ownState(w));
  // A file attached to a report that has been submitted: like the submitted report, committees read it too.
  // The example file is attached to a working copy after its last submission: committee members
  // read submitted versions only, so for them it does not exist (404).
  if (/^\/reports\/:id\/attachments\/:attachment$/.test(p)) return w === 'committee' ? 'hidden' : gate(ownState(w) || staff(w));
  if (/^\/reports\/:id\/(edit|forms|check|attachments|submitted)\b/.test(p)) return gate(ownState(w) || staff(w));
  // Reporting compliance, internal view (drafts in progress, reminders sent): committee members and ISU.
  if (/^\/workspace\/compliance\b/.test(p)) return gate(w === 'committee' || staff(w));
  // Follow-up letter templates: ISU and administrators.
  if (/^\/analysis\/follow-ups\/templates\b/.test(p)) return gate(staff(w));
  // The committee's analysis (indicators of submitted reports, detector term lists): committee members and ISU.
  if (/^\/analysis\b/.test(p)) return gate(w === 'committee' || staff(w));
  // Engagement (engagement/policy.ts). Meetings: the list and recording, committee members and ISU.
  if (/^\/meetings(\/new)?$/.test(p)) return gate(w === 'committee' || staff(w));
  // The example meeting is `participants`, Senegal taking part: ISU and Senegal's users read it;
  // readers who may not read it — another State, a committee member not listed — get "not found".
  // Only ISU, administrators and members of a participating committee edit it (so, of its readers,
  // ISU and administrators).
  if (/^\/meetings\/:id\/edit$/.test(p)) return !signedIn(w) ? 'login' : staff(w) ? 'ok' : ownState(w) ? 'denied' : 'hidden';
  if (/^\/meetings\/:id\b/.test(p)) return !signedIn(w) ? 'login' : staff(w) || ownState(w) ? 'ok' : 'hidden';
  // One's calendar and feed address: anyone signed in.
  if (/^\/calendar\b/.test(p)) return gate(true);
  if (/^\/(work-plans|committee-papers)\b/.test(p)) return gate(w === 'committee' || staff(w));
  // The individualised approach: committee members and ISU follow every State's; a State's users
  // read their own (the list shows only it), another State's record is "not found"; only
  // committee members and ISU edit.
  if (/^\/individualised-approach$/.test(p)) return gate(w === 'committee' || staff(w) || stateUser(w));
  if (/^\/individualised-approach\/:id$/.test(p)) return w === 'other_state' ? 'hidden' : gate(w === 'committee' || staff(w) || ownState(w));
  if (/^\/individualised-approach\/:id\//.test(p)) return w === 'other_state' ? 'hidden' : gate(w === 'committee' || staff(w));
  // The published final report on the State's public page: everyone.
  if (/^\/states\/:iso2\/individualised-approach\/:id$/.test(p)) return 'ok';
  // National platforms: committee members and ISU; a State's users are sent to their own, and
  // another State's is "not found".
  if (/^\/national-platforms$/.test(p)) return !signedIn(w) ? 'login' : stateUser(w) ? 'redirect' : 'ok';
  if (/^\/national-platforms\/:iso2$/.test(p)) return w === 'other_state' ? 'hidden' : gate(w === 'committee' || staff(w) || ownState(w));
  // The internal State page: committee members and ISU.
  if (/^\/states\/:iso2\/internal$/.test(p)) return gate(w === 'committee' || staff(w));
  // A bare action id (the links on report fields) sends everyone on to the action's page.
  if (/^\/plans\/actions\/:action$/.test(p)) return 'redirect';
  return 'ok';
}

function outcome(status: number, location: string | undefined): Outcome | `other:${number}` {
  if (status === 200) return 'ok';
  if (status === 303 && location?.includes('/login')) return 'login';
  if (status === 403) return 'denied';
  if (status === 404) return 'hidden';
  if (status === 302 || status === 303) return 'redirect';
  return `other:${status}`;
}

let t: TestApp;
const agents = new Map<Who, Agent>();
let routes: { route: string; path: string }[] = [];
let unfillable: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoReports(t.database);
  const data = await exampleParams(t.database);
  const resolve = data.resolver({ iso2: 'sn', onlyThatState: true });
  // Comparisons need a report with two versions: a corrected one of any State.
  const anyState = data.resolver({ iso2: 'sn' });
  for (const route of pageRoutes(t.app)) {
    if (DOWNLOAD.test(route)) continue;
    const { path, missing } = fillRoute(route, 'en', route.endsWith('/compare') ? anyState : resolve);
    if (missing.length) unfillable.push(route);
    else routes.push({ route, path });
  }
  const users: [Who, { role: Role; stateIso2?: string; committeeId?: string }][] = [
    ['preparer', { role: 'state_preparer', stateIso2: 'SN' }],
    ['approver', { role: 'state_approver', stateIso2: 'SN' }],
    ['other_state', { role: 'state_preparer', stateIso2: 'IQ' }],
    ['committee', { role: 'committee_member', committeeId: 'cooperation-assistance' }],
    ['isu', { role: 'isu_staff' }],
    ['admin', { role: 'admin' }],
  ];
  agents.set('anonymous', agentFrom(t.app));
  for (const [who, u] of users) {
    const user = await createUser(t.database, u);
    const agent = agentFrom(t.app);
    const res = await agent.signIn(user.email);
    if (res.status !== 303) throw new Error(`${who} could not sign in (${res.status})`);
    agents.set(who, agent);
    // The example questionnaire names Senegal's demo preparer; this matrix's Senegal preparer is
    // another account, named by an invitation of its own (same State and audience: same response).
    if (who === 'preparer') await createInvitation(t.database, testConfig().secret, data.ids.questionnaire, { audience: 'mine_action_director', stateIso2: 'SN', userId: user.id, email: user.email, name: 'Matrix preparer' });
  }
}, 120_000);
afterAll(async () => t.close());

describe('permissions matrix', () => {
  it('fills the parameters of every page', () => {
    expect(unfillable).toEqual([]);
    expect(routes.length).toBeGreaterThan(40);
  });

  it('gives every role, and a user of another State, the expected answer on every page', async () => {
    const wrong: string[] = [];
    for (const { route, path } of routes) {
      for (const who of WHO) {
        const res = await agents.get(who)!.get(path);
        const got = outcome(res.status, res.location);
        const want = expected(route, who);
        if (res.status >= 500) wrong.push(`${who} ${path}: ${res.status}`);
        else if (want === 'ok-or-redirect' ? got !== 'ok' && got !== 'redirect' : want !== 'any' && got !== want) wrong.push(`${who} ${path} (${route}): expected ${want}, got ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 240_000);
});
