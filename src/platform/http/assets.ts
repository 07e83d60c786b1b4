/**
 * Static assets: the stylesheet and the client bundle (src/client, bundled by esbuild into
 * public/build). URLs carry a content hash so they can be cached for a year.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const CLIENT_ENTRY = join(ROOT, 'src/client/app.ts');
export const CLIENT_OUT = join(ROOT, 'public/build/app.js');

function hashOf(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Bundles the client modules when the bundle is missing or older than its sources. */
export async function ensureClientBundle(): Promise<void> {
  const srcDir = join(ROOT, 'src/client');
  if (existsSync(CLIENT_OUT) && statSync(CLIENT_OUT).mtimeMs >= newestMtime(srcDir)) return;
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    if (existsSync(CLIENT_OUT)) return;
    throw new Error('The client bundle public/build/app.js is missing and esbuild is not installed: run `npm install` (with dev dependencies) or `npm run build:client`.');
  }
  await esbuild.build({
    entryPoints: [CLIENT_ENTRY],
    outfile: CLIENT_OUT,
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020'],
    legalComments: 'none',
    logLevel: 'silent',
  });
}

export function assetUrls(): { css: string; js: string } {
  const css = join(ROOT, 'public/styles.css');
  return {
    css: `/static/styles.css?v=${hashOf(css)}`,
    js: existsSync(CLIENT_OUT) ? `/static/build/app.js?v=${hashOf(CLIENT_OUT)}` : '/static/build/app.js',
  };
}
