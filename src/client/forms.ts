/**
 * Form-engine enhancements. Without JavaScript the same things happen through the server:
 * conditional questions are all shown, and rows are added and removed with submit buttons.
 */

/** Hides a conditional question while the answer it depends on does not call for it. */
export function showIf(root: HTMLElement): void {
  const form = root.closest('form');
  if (!form) return;
  const update = () => {
    root.querySelectorAll<HTMLElement>('[data-show-if-name]').forEach((el) => {
      const name = el.dataset.showIfName ?? '';
      const wanted = (el.dataset.showIfValues ?? '').split(' ');
      const given = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')]
        .filter((i) => i.name === name && (!(i instanceof HTMLInputElement) || (i.type !== 'radio' && i.type !== 'checkbox') || i.checked))
        .map((i) => i.value);
      el.hidden = !given.some((v) => wanted.includes(v));
    });
  };
  root.addEventListener('change', update);
  root.addEventListener('rows-changed', update);
  update();
}

/**
 * Adds and removes the rows of a repeating table in place. New rows take the next free index
 * (the server reads rows in index order and gives each a stable id when saved); a removed row
 * simply leaves the form, and the change is announced and autosaved like any edit.
 */
export function repeating(el: HTMLElement, init: (root: ParentNode) => void): void {
  const list = el.querySelector<HTMLOListElement>(':scope > .table-rows');
  const template = el.querySelector<HTMLTemplateElement>(':scope > template[data-row-template]');
  const addButton = el.querySelector<HTMLButtonElement>(':scope > [data-row-add]');
  const status = el.querySelector<HTMLElement>(':scope > [data-row-status]');
  const form = el.closest('form');
  if (!list || !template || !addButton) return;
  const rows = () => [...list.children].filter((c): c is HTMLLIElement => c instanceof HTMLLIElement);
  const max = Number(el.dataset.maxRows ?? '0') || Infinity;

  const renumber = () => {
    rows().forEach((row, i) => {
      const legend = row.querySelector<HTMLElement>('[data-row-legend]');
      const remove = row.querySelector<HTMLElement>('[data-row-remove]');
      if (legend && el.dataset.legend) legend.textContent = el.dataset.legend.replace('__n__', String(i + 1));
      if (remove && el.dataset.removeLabel) remove.textContent = el.dataset.removeLabel.replace('__n__', String(i + 1));
    });
    el.querySelector<HTMLElement>(':scope > .table-field__empty')?.toggleAttribute('hidden', rows().length > 0);
    addButton.disabled = rows().length >= max;
    el.dispatchEvent(new CustomEvent('rows-changed', { bubbles: true }));
  };
  const announce = (text: string | undefined) => {
    if (status && text) status.textContent = text;
  };
  /** Tells autosave (and anything else listening) that the form changed. */
  const changed = () => form?.dispatchEvent(new Event('input', { bubbles: true }));

  addButton.addEventListener('click', (ev) => {
    ev.preventDefault();
    if (rows().length >= max) return;
    const used = [...list.querySelectorAll<HTMLInputElement>('input[name$="._id"]')].map((i) => Number(/\.(\d+)\._id$/.exec(i.name)?.[1] ?? '-1'));
    const index = String(Math.max(-1, ...used) + 1);
    const html = template.innerHTML.replaceAll('__i__', index).replaceAll('__n__', String(rows().length + 1));
    list.insertAdjacentHTML('beforeend', html);
    const row = list.lastElementChild as HTMLElement;
    init(row);
    renumber();
    announce(el.dataset.textAdded);
    row.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
  });

  list.addEventListener('click', (ev) => {
    const button = (ev.target as HTMLElement).closest<HTMLButtonElement>('[data-row-remove]');
    if (!button || !list.contains(button)) return;
    ev.preventDefault();
    button.closest('li')?.remove();
    renumber();
    announce(el.dataset.textRemoved);
    addButton.focus();
    changed();
  });
}
