/**
 * The evidence linked to a plan item or a meeting: each link with its target's current title (or
 * "no longer exists", or the neutral title of a meeting the reader may not read), and for editors
 * a remove button per link and the form to paste a new address.
 */
import { usePage } from '../../../platform/views/context.ts';
import { Button, PostForm, Tag, TextField } from '../../../platform/views/components.tsx';
import type { ResolvedLink } from '../evidence-queries.ts';

export function EvidenceSection({ links, base, canEdit, values, errors }: { links: ResolvedLink[]; base: string; canEdit: boolean; values?: { address?: string; label?: string } | undefined; errors?: Record<string, string> | undefined }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="evidence-title" id="evidence">
      <h2 id="evidence-title">{t('engagement.links.title')}</h2>
      {links.length ? (
        <ul class="compact-list">
          {links.map((l) => (
            <li key={l.id}>
              {t(l.typeKey)}:{' '}
              {l.href ? (
                <a href={l.href} {...(l.external ? { rel: 'noopener noreferrer external' } : {})}>
                  <bdi>{l.title}</bdi>
                </a>
              ) : (
                <bdi>{l.title}</bdi>
              )}
              {l.missing ? (
                <>
                  {' '}
                  <Tag tone="red">{t('engagement.links.missing')}</Tag>
                </>
              ) : null}
              {canEdit ? (
                <PostForm action={`${base}/links/${l.id}/delete`} inline>
                  <Button variant="secondary">{t('engagement.links.remove', { title: l.title })}</Button>
                </PostForm>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('engagement.links.none')}</p>
      )}
      {canEdit ? (
        <PostForm action={`${base}/links`}>
          <TextField name="address" id="f-address" label={t('engagement.links.address')} hint={t('engagement.links.address_hint')} value={values?.address ?? ''} error={errors?.address} attrs={{ inputmode: 'url', spellcheck: false }} />
          <TextField name="label" id="f-link-label" label={t('engagement.links.label')} hint={t('engagement.links.label_hint')} value={values?.label ?? ''} error={errors?.label} width="medium" />
          <Button variant="secondary">{t('engagement.links.add')}</Button>
        </PostForm>
      ) : null}
    </section>
  );
}
