/**
 * Progressive enhancement only: every page works without this file. Modules attach to elements
 * with a data-module attribute.
 */
import { autosave, peopleTotals } from './autosave.ts';
import { repeating, showIf } from './forms.ts';

type ModuleInit = (el: HTMLElement) => void;

const modules: Record<string, ModuleInit> = {
  autosave,
  'people-totals': peopleTotals,
  'show-if': showIf,
  repeating: (el) => repeating(el, init),
  'error-summary': (el) => {
    el.focus();
    el.addEventListener('click', (ev) => {
      const a = (ev.target as HTMLElement).closest('a');
      const id = a?.getAttribute('href')?.slice(1);
      const target = id ? document.getElementById(id) : null;
      if (target) {
        ev.preventDefault();
        target.scrollIntoView({ block: 'center' });
        target.focus();
      }
    });
  },
};

const started = new WeakMap<HTMLElement, Set<string>>();

export function init(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-module]').forEach((el) => {
    const done = started.get(el) ?? new Set<string>();
    started.set(el, done);
    for (const name of (el.dataset.module ?? '').split(/\s+/)) {
      if (!name || done.has(name) || !modules[name]) continue;
      done.add(name);
      modules[name](el);
    }
  });
}

export function register(name: string, fn: ModuleInit): void {
  modules[name] = fn;
}

init();
