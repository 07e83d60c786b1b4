/** Small pieces the accounts pages share. */
import type { LocalizedText } from '../../states/schema.ts';
import { usePage } from '../../../platform/views/context.ts';
import { Tag } from '../../../platform/views/components.tsx';
import { STATUS_TONE, type UserStatus } from '../user-status.ts';

export function localized(names: LocalizedText | null | undefined, locale: string): string {
  if (!names) return '';
  return names[locale as keyof LocalizedText] ?? names.en;
}

export function RoleText({ role }: { role: string }) {
  const { t } = usePage();
  return <>{t(`accounts.roles.${role}`)}</>;
}

export function StatusTag({ status }: { status: UserStatus }) {
  const { t } = usePage();
  return <Tag tone={STATUS_TONE[status]}>{t(`accounts.status.${status}`)}</Tag>;
}

export function DemoTag() {
  const { t } = usePage();
  return (
    <>
      {' '}
      <Tag tone="yellow">{t('accounts.users.demo')}</Tag>
    </>
  );
}

/** A person's name (isolated for mixed scripts), with the demo label where it applies. */
export function PersonName({ name, isDemo, href }: { name: string; isDemo?: boolean; href?: string }) {
  return (
    <>
      {href ? (
        <a href={href}>
          <bdi>{name}</bdi>
        </a>
      ) : (
        <bdi>{name}</bdi>
      )}
      {isDemo ? <DemoTag /> : null}
    </>
  );
}

/** "Senegal" for State users, the committee's name for committee members, nothing otherwise. */
export function BindingText({ stateNames, committeeNames }: { stateNames: LocalizedText | null; committeeNames: LocalizedText | null }) {
  const { locale } = usePage();
  const text = localized(stateNames ?? committeeNames, locale);
  return text ? <bdi>{text}</bdi> : <>—</>;
}

/** Error texts for ErrorSummary/fields from a failed parse (or none). */
export type Errors = Record<string, string> | undefined;
