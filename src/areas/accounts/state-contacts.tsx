/**
 * The State's focal points on its internal page (states area, `state-internal` slot): who prepares
 * and who approves its reports, how to write to them and when they last signed in.
 */
import type { AppDeps } from '../../platform/deps.ts';
import { usePage } from '../../platform/views/context.ts';
import { DateText, Table, Tag } from '../../platform/views/components.tsx';
import { listStateFocalPoints } from './contacts-queries.ts';
import { canViewStateContacts } from './policy.ts';

type FocalPoint = Awaited<ReturnType<typeof listStateFocalPoints>>[number];

function StateContactsSection({ people, stateName }: { people: FocalPoint[]; stateName: string }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="state-contacts">
      <h2 id="state-contacts">{t('accounts.state_contacts.title')}</h2>
      <Table
        caption={t('accounts.state_contacts.caption', { state: stateName })}
        captionHidden
        rows={people}
        empty={t('accounts.state_contacts.none')}
        columns={[
          {
            header: t('accounts.state_contacts.col.name'),
            cell: (p) => (
              <>
                <bdi>{p.name}</bdi>
                {p.disabledAt ? (
                  <>
                    {' '}
                    <Tag tone="red">{t('accounts.state_contacts.disabled')}</Tag>
                  </>
                ) : null}
              </>
            ),
          },
          { header: t('accounts.state_contacts.col.role'), cell: (p) => t(`accounts.state_contacts.role.${p.role}`) },
          { header: t('accounts.state_contacts.col.organisation'), cell: (p) => (p.organisation ? <bdi>{p.organisation}</bdi> : '—') },
          { header: t('accounts.state_contacts.col.email'), cell: (p) => <a href={`mailto:${p.email}`} dir="ltr">{p.email}</a> },
          { header: t('accounts.state_contacts.col.last_sign_in'), cell: (p) => (p.lastLoginAt ? <DateText value={p.lastLoginAt} style="medium" /> : <span class="muted">{t('accounts.state_contacts.never')}</span>) },
        ]}
      />
    </section>
  );
}

/** Contributes the focal points to the State's internal page. */
export function provideStateContacts(deps: AppDeps): void {
  deps.slots.provide('state-internal', async (req, { iso2, stateName }) => {
    if (!canViewStateContacts(req.user)) return null;
    return <StateContactsSection people={await listStateFocalPoints(deps.database.db, iso2)} stateName={stateName} />;
  });
}
