/**
 * Page slots: a page owned by one area shows content contributed by another without importing it
 * (e.g. the State page shows the State's reports, contributed by reporting). The composition root
 * creates one registry; areas `provide` renderers and pages `render` them in order.
 */
import type { VNode } from 'preact';
import type { FastifyRequest } from 'fastify';

export type SlotRenderer<P> = (req: FastifyRequest, params: P) => Promise<VNode | null>;

export interface SlotParams {
  /** A State's public page: everything public about the State, by area. */
  'state-page': { iso2: string; stateName: string };
  /** A State's internal page (committee members and ISU): what to read before meeting the State, by area. */
  'state-internal': { iso2: string; stateName: string };
}

export class Slots {
  private renderers = new Map<string, SlotRenderer<never>[]>();

  provide<K extends keyof SlotParams>(slot: K, renderer: SlotRenderer<SlotParams[K]>): void {
    const list = this.renderers.get(slot) ?? [];
    list.push(renderer as SlotRenderer<never>);
    this.renderers.set(slot, list);
  }

  async render<K extends keyof SlotParams>(slot: K, req: FastifyRequest, params: SlotParams[K]): Promise<VNode[]> {
    const list = (this.renderers.get(slot) ?? []) as SlotRenderer<SlotParams[K]>[];
    const out = await Promise.all(list.map((r) => r(req, params)));
    return out.filter((v): v is VNode => v !== null);
  }
}
