/**
 * The world map of reporting compliance: a server-rendered SVG from the world-atlas boundaries
 * (Natural Earth 1:110m, TopoJSON) projected with d3-geo's Equal Earth projection.
 *
 * Weight: the shapes are projected once per process into path data with relative commands and
 * coordinates rounded to one decimal (about 24 KB compressed for the whole world); the finished
 * SVG for a year, a language and a set of statuses is kept in memory (a small LRU), so a page view
 * costs a string lookup.
 *
 * Accessibility: the SVG is a named group (title and description); each State Party's shape is a
 * link to its compliance page with a <title> (its name and status); statuses differ by pattern as
 * well as colour, with a legend; the page puts the table alternative right under the map.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { renderToString } from 'preact-render-to-string';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { intlTag } from '../../platform/i18n/locales.ts';
import type { MapCategory } from './compliance.ts';
import { iso2OfNumeric, NON_PARTY_ISO2_BY_NUMERIC } from './numeric-codes.ts';

export const MAP_WIDTH = 800;

interface Shape {
  numeric: string | undefined;
  /** The platform State it belongs to. */
  iso2: string | undefined;
  /** A country that never joined (named with Intl.DisplayNames). */
  nonPartyIso2: string | undefined;
  d: string;
}

interface Geometry2D {
  width: number;
  height: number;
  shapes: Shape[];
}

/** Path data with relative commands at a resolution of 0.1, accumulated so rounding never drifts. */
class RelativePath {
  private d = '';
  private x = 0;
  private y = 0;
  private startX = 0;
  private startY = 0;
  private afterMove = false;

  private static fmt(tenths: number): string {
    const s = (tenths / 10).toFixed(1).replace(/\.0$/, '');
    return s.replace(/^(-?)0\./, '$1.');
  }

  moveTo(px: number, py: number): void {
    const X = Math.round(px * 10);
    const Y = Math.round(py * 10);
    this.d += `M${RelativePath.fmt(X)} ${RelativePath.fmt(Y)}`;
    this.x = this.startX = X;
    this.y = this.startY = Y;
    this.afterMove = true;
  }

  lineTo(px: number, py: number): void {
    const X = Math.round(px * 10);
    const Y = Math.round(py * 10);
    const dx = X - this.x;
    const dy = Y - this.y;
    if (dx === 0 && dy === 0) return;
    const dxs = RelativePath.fmt(dx);
    const dys = RelativePath.fmt(dy);
    this.d += `${this.afterMove ? 'l' : dxs.startsWith('-') ? '' : ' '}${dxs}${dys.startsWith('-') ? '' : ' '}${dys}`;
    this.afterMove = false;
    this.x = X;
    this.y = Y;
  }

  closePath(): void {
    this.d += 'z';
    this.x = this.startX;
    this.y = this.startY;
  }

  arc(): void {
    // Points are not drawn (the atlas has none).
  }

  take(): string {
    const d = this.d;
    this.d = '';
    return d;
  }
}

let geometry: Geometry2D | undefined;

/** The projected shapes, computed on first use (about 50 ms) and kept for the life of the process. */
export function mapGeometry(): Geometry2D {
  if (geometry) return geometry;
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  // Antarctica is not a State and would take a fifth of the height.
  const features = collection.features.filter((f) => f.id !== '010');
  const fc: FeatureCollection<Geometry, { name: string }> = { type: 'FeatureCollection', features };
  const projection = geoEqualEarth().fitWidth(MAP_WIDTH, fc);
  const [[, y0], [, y1]] = geoPath(projection).bounds(fc);
  const height = Math.ceil(y1 - Math.min(0, y0));
  const ctx = new RelativePath();
  const path = geoPath(projection, ctx as unknown as CanvasRenderingContext2D);
  const shapes: Shape[] = features.map((f) => {
    path(f);
    const numeric = f.id === undefined ? undefined : String(f.id);
    return { numeric, iso2: iso2OfNumeric(numeric), nonPartyIso2: numeric ? NON_PARTY_ISO2_BY_NUMERIC[numeric] : undefined, d: ctx.take() };
  });
  geometry = { width: MAP_WIDTH, height, shapes };
  return geometry;
}

/** How each category is drawn: a colour and a pattern, so no status is told by colour alone. */
export const CATEGORY_STYLE: Record<MapCategory, { fill: string; pattern?: 'diagonal' | 'cross' | 'horizontal' }> = {
  on_time: { fill: '#00703c' },
  late: { fill: '#f6c344', pattern: 'diagonal' },
  not_submitted: { fill: '#d4351c', pattern: 'cross' },
  pending: { fill: '#b7d3ee', pattern: 'horizontal' },
  none: { fill: '#dedfe0' },
};

const PATTERN_INK: Record<string, string> = { diagonal: '#3d2b00', cross: '#ffffff', horizontal: '#1d4f91' };

export function categoryFill(c: MapCategory, prefix: string): string {
  return CATEGORY_STYLE[c].pattern ? `url(#${prefix}-${c})` : CATEGORY_STYLE[c].fill;
}

/** The <pattern> definitions of the categories drawn with a pattern. */
export function MapPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {(Object.keys(CATEGORY_STYLE) as MapCategory[]).map((c) => {
        const s = CATEGORY_STYLE[c];
        if (!s.pattern) return null;
        const ink = PATTERN_INK[s.pattern]!;
        return (
          <pattern id={`${prefix}-${c}`} key={c} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform={s.pattern === 'diagonal' ? 'rotate(45)' : undefined}>
            <rect width="4" height="4" fill={s.fill} />
            {s.pattern === 'cross' ? (
              <path d="M0 0L4 4M4 0L0 4" stroke={ink} stroke-width="0.8" />
            ) : (
              <path d="M0 2h4" stroke={ink} stroke-width={s.pattern === 'diagonal' ? '1.2' : '0.9'} />
            )}
          </pattern>
        );
      })}
    </defs>
  );
}

export interface MapState {
  iso2: string;
  name: string;
  category: MapCategory;
  /** The shape's tooltip: the State's name and status in the page's language. */
  label: string;
}

export interface MapInput {
  locale: string;
  /** The SVG's accessible name and description. */
  title: string;
  description: string;
  /** Words for shapes of countries that never joined ("not a party"). */
  nonPartyLabel: (name: string) => string;
  states: MapState[];
  href: (iso2: string) => string;
  /** id prefix (unique on the page). */
  prefix: string;
}

function MapSvg({ input }: { input: MapInput }) {
  const g = mapGeometry();
  const byIso2 = new Map(input.states.map((s) => [s.iso2, s]));
  const names = new Intl.DisplayNames([intlTag(input.locale)], { type: 'region' });
  const none = CATEGORY_STYLE.none.fill;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${g.width} ${g.height}`}
      width="100%"
      role="group"
      aria-labelledby={`${input.prefix}-title`}
      aria-describedby={`${input.prefix}-desc`}
      class="compliance-map"
    >
      <title id={`${input.prefix}-title`}>{input.title}</title>
      <desc id={`${input.prefix}-desc`}>{input.description}</desc>
      <MapPatterns prefix={input.prefix} />
      <g stroke="#ffffff" stroke-width="0.4" stroke-linejoin="round">
        {g.shapes.map((shape, i) => {
          const state = shape.iso2 ? byIso2.get(shape.iso2) : undefined;
          if (state) {
            return (
              <a href={input.href(state.iso2)} key={i}>
                <title>{state.label}</title>
                <path d={shape.d} fill={categoryFill(state.category, input.prefix)} stroke={state.category === 'none' ? undefined : '#0b0c0c'} />
              </a>
            );
          }
          const npName = shape.nonPartyIso2 ? names.of(shape.nonPartyIso2) : undefined;
          return npName ? (
            <path d={shape.d} fill={none} key={i}>
              <title>{input.nonPartyLabel(npName)}</title>
            </path>
          ) : (
            <path d={shape.d} fill={none} key={i} aria-hidden="true" />
          );
        })}
      </g>
    </svg>
  );
}

const cache = new Map<string, string>();
const CACHE_MAX = 64;
let renders = 0;

/** How many maps were rendered (not served from memory) since start; for tests. */
export function mapRenderCount(): number {
  return renders;
}

/**
 * The map as SVG markup, from memory when this year, language and set of statuses were rendered
 * before (the key includes a hash of every State's label and category, so a new submission gives a
 * new map).
 */
export function renderWorldMap(key: { year: number; locale: string }, input: MapInput): string {
  const fingerprint = createHash('sha1')
    .update(JSON.stringify([input.title, input.description, input.prefix, input.states.map((s) => [s.iso2, s.category, s.label, input.href(s.iso2)])]))
    .digest('base64url');
  const cacheKey = `${key.year}|${key.locale}|${fingerprint}`;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) {
    cache.delete(cacheKey);
    cache.set(cacheKey, hit);
    return hit;
  }
  const svg = renderToString(<MapSvg input={input} />);
  renders++;
  cache.set(cacheKey, svg);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
  return svg;
}
