/**
 * Autosave for report forms: saves a few seconds after the last change, keeps the form's version
 * current, and says so in a live region. Without JavaScript the Save buttons do the same.
 */
export function autosave(el: HTMLElement): void {
  if (!(el instanceof HTMLFormElement)) return;
  const form: HTMLFormElement = el;
  const url = form.dataset.autosaveUrl;
  const status = form.querySelector<HTMLElement>('[data-autosave-status]');
  const versionInput = form.querySelector<HTMLInputElement>('input[name="_version"]');
  if (!url || !versionInput) return;
  const texts = { saving: form.dataset.textSaving ?? '…', saved: form.dataset.textSaved ?? '✓', conflict: form.dataset.textConflict ?? '!' };
  let timer: number | undefined;
  let busy = false;
  let pending = false;
  /** A Save button pressed while an autosave was on its way: sent once that save has answered. */
  let submitAfter: HTMLElement | null | undefined;

  async function save() {
    if (busy) {
      pending = true;
      return;
    }
    busy = true;
    if (status) status.textContent = texts.saving;
    const body = new URLSearchParams();
    new FormData(form).forEach((v, k) => {
      if (typeof v === 'string' && k !== '_action') body.append(k, v);
    });
    body.set('_action', 'save');
    // The rows sent without an id, as they are now: a row moved or removed meanwhile is left alone.
    const blanks = new Map<string, HTMLInputElement>();
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="hidden"][name$="._id"]')) if (!input.value) blanks.set(input.name, input);
    try {
      const res = await fetch(url!, { method: 'POST', body, headers: { 'x-autosave': '1', accept: 'application/json' }, credentials: 'same-origin' });
      const data = (await res.json()) as { status: string; version?: number; rowIds?: Record<string, string> };
      if (res.ok && data.version) {
        versionInput!.value = String(data.version);
        // Rows added on the page get the ids the server gave them, so the next save keeps them.
        for (const [name, id] of Object.entries(data.rowIds ?? {})) {
          const input = blanks.get(name);
          if (input?.isConnected && input.name === name && !input.value) input.value = id;
        }
        if (status) status.textContent = texts.saved;
      } else if (res.status === 409) {
        if (status) status.textContent = texts.conflict;
      } else if (status) status.textContent = '';
    } catch {
      if (status) status.textContent = '';
    } finally {
      busy = false;
      if (submitAfter !== undefined) {
        // Carries the version the autosave just got, so the explicit save is not a conflict with it.
        const submitter = submitAfter;
        submitAfter = undefined;
        pending = false;
        form.requestSubmit(submitter instanceof HTMLButtonElement ? submitter : null);
      } else if (pending) {
        pending = false;
        void save();
      }
    }
  }

  form.addEventListener('submit', (ev) => {
    window.clearTimeout(timer);
    if (busy) {
      ev.preventDefault();
      submitAfter = ev.submitter;
    }
  });

  form.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void save(), 4000);
  });
}

/** Live totals of a people table. */
export function peopleTotals(el: HTMLElement): void {
  const cells = [...el.querySelectorAll<HTMLInputElement>('[data-people-cell]')];
  const update = () => {
    const n = (k: string) => {
      const v = cells.find((c) => c.dataset.peopleCell === k)?.value.trim() ?? '';
      const x = Number(v.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0)).replace(/[\s,.\u066c]/g, ''));
      return Number.isFinite(x) ? x : 0;
    };
    let all = 0;
    for (const s of ['female', 'male', 'unknown']) {
      const sum = n(`${s}_child`) + n(`${s}_adult`) + n(`${s}_unknown`);
      all += sum;
      const out = el.querySelector<HTMLElement>(`[data-people-total="${s}"]`);
      if (out) out.textContent = String(sum);
    }
    const total = el.querySelector<HTMLElement>('[data-people-total="all"] strong');
    if (total) total.textContent = String(all);
  };
  el.addEventListener('input', update);
}
