/**
 * One style sheet for every page: the NL Design System (Utrecht) tokens and components with only
 * the rules and custom properties our views use, followed by our own `app.css` in full. The
 * Utrecht package is ≈500 KB of CSS of which the pages use a fifth; a phone should not block on
 * the rest (issue 17, ADR 0021).
 *
 * The sheet's name carries a hash of everything it is made from (the CSS and every view that may
 * name a class), so it can be cached for a year (`immutable`): a changed view gives a new name.
 * Building it takes seconds, so the result is kept on disk under that hash
 * (`node_modules/.cache/childcare-desk/`) and rebuilt only when an input changed. It is sent
 * brotli- or gzip-compressed, compressed once.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { PROJECT_ROOT } from '../paths.ts';

const ROOT = `${PROJECT_ROOT}/`;
const TOKENS = join(ROOT, 'node_modules/@utrecht/design-tokens/dist/root.css');
const COMPONENTS = join(ROOT, 'node_modules/@utrecht/component-library-css/dist/index.css');
const OWN = join(ROOT, 'public/app.css');
/** The public site's own rules, after app.css in the public pages' sheet only. */
const PUBLIC_OWN = join(ROOT, 'public/public-site.css');
const CACHE_DIR = join(ROOT, 'node_modules/.cache/childcare-desk');

/**
 * Class names our views build from parts (`utrecht-form-field--${type}`, `utrecht-${type}`):
 * the scan cannot see them whole, so their families are kept.
 */
const SAFELIST = [/^utrecht-form-field--/, /^utrecht-(textbox|checkbox|radio-button|textarea|select)(--|$)/];

/** Every file a class name can come from: the views and the browser scripts. */
function contentFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(tsx?|js)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(path);
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'public'));
  return files.sort();
}

export type StyleSheet = {
  /** The URL pages link to: `/assets/styles/<hash>.css`. */
  readonly href: string;
  readonly name: string;
  readonly css: Buffer;
  readonly brotli: Buffer;
  readonly gzip: Buffer;
};

function inputHash(content: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of [TOKENS, COMPONENTS, OWN, PUBLIC_OWN, ...content]) {
    hash.update(file.slice(ROOT.length));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

async function purged(content: readonly string[]): Promise<string> {
  // Loaded only when the sheet is not in the cache: a started server need not hold it.
  const { PurgeCSS } = await import('purgecss');
  const results = await new PurgeCSS().purge({
    content: [...content],
    // One input, so that a custom property is kept when any rule of the three reads it; our own
    // rules are all kept (a bare `:focus-visible` names no class the scan could find).
    css: [
      {
        raw: [
          readFileSync(TOKENS, 'utf8'),
          readFileSync(COMPONENTS, 'utf8'),
          `/* purgecss start ignore */\n${readFileSync(OWN, 'utf8')}\n/* purgecss end ignore */`,
        ].join('\n'),
      },
    ],
    // Unused custom properties (most of the tokens) and keyframes go too.
    variables: true,
    keyframes: true,
    // Our own custom properties are read by public-site.css and the brand sheet too.
    safelist: { standard: SAFELIST, variables: [/^--ko-/] },
  });
  return results.map((r) => r.css).join('\n');
}

function readCached(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Written whole or not at all: several test processes may build the same sheet at once. */
function writeCached(file: string, css: string): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, css);
    renameSync(temporary, file);
  } catch {
    // A read-only installation builds the sheet at each start; nothing else is lost.
  }
}

/**
 * Two variants of the one sheet: `staff` (every page) and `public` (the same, then public-site.css,
 * for the public site's pages), so that each page blocks on one style sheet only.
 */
export type SheetVariant = 'staff' | 'public';

let current: { hash: string; sheets: Partial<Record<SheetVariant, Promise<StyleSheet>>> } | undefined;

function inputs() {
  current ??= { hash: inputHash(contentFiles()), sheets: {} };
  return current;
}

/** The sheet's name, known at once (pages render their link before the sheet is built). */
export function styleSheetName(variant: SheetVariant = 'staff'): string {
  return `${inputs().hash}${variant === 'public' ? '-public' : ''}.css`;
}

export function styleSheetHref(variant: SheetVariant = 'staff'): string {
  return `/assets/styles/${styleSheetName(variant)}`;
}

/** The variant a sheet's name stands for, if it is one of this build's. */
export function styleSheetVariant(name: string): SheetVariant | undefined {
  if (name === styleSheetName('staff')) return 'staff';
  if (name === styleSheetName('public')) return 'public';
  return undefined;
}

/** The staff sheet's CSS, from the disk cache or purged now; one build per process. */
async function staffCss(): Promise<string> {
  const file = join(CACHE_DIR, `styles-${styleSheetName('staff')}`);
  let css = readCached(file);
  if (css === undefined) {
    css = await purged(contentFiles());
    writeCached(file, css);
  }
  return css;
}

/** A built sheet, compressed once; one build per process and variant. */
export function styleSheet(variant: SheetVariant = 'staff'): Promise<StyleSheet> {
  const state = inputs();
  const name = styleSheetName(variant);
  state.sheets[variant] ??= (async () => {
    const css =
      variant === 'public'
        ? `${await (state.sheets.staff ?? styleSheet('staff')).then((s) => s.css.toString())}\n${readFileSync(PUBLIC_OWN, 'utf8')}`
        : await staffCss();
    const bytes = Buffer.from(css);
    return {
      href: `/assets/styles/${name}`,
      name,
      css: bytes,
      brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: gzipSync(bytes, { level: 9 }),
    };
  })();
  return state.sheets[variant] as Promise<StyleSheet>;
}
