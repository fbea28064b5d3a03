/**
 * Redirect targets that come from the request (`back`, `next`): only a plain path on this site.
 *
 * Browsers are lenient with what follows `Location:`: they drop tabs and line breaks, read `\` as
 * `/`, and treat `//host` (also written `/\host` or `/<tab>/host`) as another site. So a value is
 * refused when it, or any of its percent-decoded forms (a value may be decoded once more by some
 * other layer), holds a control character or a backslash, starts with `//`, or looks like a
 * scheme; a value encoded more than a few times over, or absurdly long, is refused too. What is
 * left is resolved as a URL against a placeholder origin, and must still be a path on that origin.
 */
const MAX_LENGTH = 2048;
const MAX_DECODINGS = 4;
const PLACEHOLDER_ORIGIN = 'http://redirect.invalid';

// C0 controls (tab, CR, LF, NUL…), DEL, and the Unicode line and paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function hostile(layer: string): boolean {
  return (
    CONTROL.test(layer) ||
    layer.includes('\\') ||
    !layer.startsWith('/') ||
    layer.startsWith('//') ||
    SCHEME.test(layer)
  );
}

/**
 * Decodes every valid `%XX` run, as a lenient decoder would, and leaves a stray `%` alone (a search
 * for "100%" is a fair page to return to). A run that is not UTF-8 is read byte by byte, so that no
 * hidden '/', '\' or control character escapes the checks.
 */
function decodeOnce(value: string): string {
  return value.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    }
  });
}

/** The path (with query and fragment) to redirect to, or undefined when `raw` is not a safe one. */
export function safeRedirectPath(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return undefined;
  let layer = raw;
  for (let i = 0; ; i++) {
    if (hostile(layer)) return undefined;
    const decoded = decodeOnce(layer);
    if (decoded === layer) break;
    // Encoded within encoded within encoded…: no page of ours links like that.
    if (i === MAX_DECODINGS) return undefined;
    layer = decoded;
  }
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return undefined;
  // Dot segments may collapse into a new '//' prefix: '/.//host' resolves to the path '//host'.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return hostile(path) ? undefined : path;
}
