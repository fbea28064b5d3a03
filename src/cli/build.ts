/**
 * Builds the server into one JavaScript file (`dist/server.mjs`, with its source map) for
 * `npm start`: the TypeScript loader costs a running server ≈65 MB of memory (ADR 0026). Our own
 * code is bundled; the packages stay in node_modules, loaded as they are. Takes about a second.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../platform/paths.ts';

export const SERVER_ENTRY = join(PROJECT_ROOT, 'src/server.ts');

/**
 * Bundles `entry` (a TypeScript file of this project) into `outfile`; returns outfile. Each file
 * is written whole and renamed into place, so processes building the same file at once (test
 * files in parallel) never start a half-written one.
 */
export async function buildBundle(entry: string, outfile: string): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    // The views' JSX, as tsconfig.json has it.
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
    write: false,
  });
  mkdirSync(dirname(outfile), { recursive: true });
  for (const file of outputFiles) {
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  return outfile;
}

/** The server, built where `npm start` runs it from (the folder must stay inside the project). */
export function buildServer(outfile = join(PROJECT_ROOT, 'dist/server.mjs')): Promise<string> {
  return buildBundle(SERVER_ENTRY, outfile);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildServer();
}
