/** Human names for value paths (`section.field`, `section.table.3.column.part`) in the interface language. */
import { PEOPLE_CELLS, textOf, type FormDef, type Text } from '../../../platform/forms/definition.ts';

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function pathLabel(def: FormDef, path: string, t: Translate, locale: string): string {
  const text = (x: Text | undefined) => textOf(x, locale, t);
  if (path === '_form' || path === '') return text(def.title);
  const [sid, fid, ...rest] = path.split('.');
  const section = def.sections.find((s) => s.id === sid);
  const field = section?.fields.find((f) => f.id === fid);
  if (!section || !field) return path;
  const parts = [text(field.label)];
  let leafType: string = field.type;
  let tail = rest;
  if (field.type === 'table' && rest.length) {
    const index = Number.parseInt(rest[0]!, 10);
    if (Number.isInteger(index)) parts.push(t('reporting.export.row_number', { number: index + 1 }));
    const col = field.columns.find((c) => c.id === rest[1]);
    if (col) {
      parts.push(text(col.label));
      leafType = col.type;
    }
    tail = rest.slice(2);
  }
  const part = tail[0];
  if (part && leafType === 'people' && (PEOPLE_CELLS as readonly string[]).includes(part)) {
    const [a, b] = part.split('_') as [string, string];
    parts.push(a === 'disability' ? `${t('forms.people.disability')} (${t(`forms.people.sex_${b}`)})` : `${t(`forms.people.sex_${a}`)}, ${t(`forms.people.age_${b}`)}`);
  } else if (part && leafType === 'money' && (part === 'amount' || part === 'currency')) parts.push(t(`forms.money.${part}`));
  return parts.join(' – ');
}
