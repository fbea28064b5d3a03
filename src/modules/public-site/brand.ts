/**
 * A municipality's colour on the public site, only where it stays readable: the header puts white
 * text on the brand colour and links use it on white, so it must reach WCAG AA's 4.5:1 against
 * white. A colour that does not is ignored and the default look is used (ADR: public-site branding).
 */

export const WHITE = '#ffffff';
export const AA_NORMAL_TEXT = 4.5;

/** '#1a2b3c' or '1a2b3c' (also the short '#abc'), lower-cased with '#'; undefined otherwise. */
export function normaliseHex(colour: string | null | undefined): string | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour?.trim() ?? '');
  if (!m?.[1]) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return `#${hex.toLowerCase()}`;
}

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG 2 relative luminance of an sRGB colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** The brand colour to use, or undefined when it is missing, malformed or too light for white text. */
export function usableBrandColour(colour: string | null | undefined): string | undefined {
  const hex = normaliseHex(colour);
  return hex && contrastRatio(hex, WHITE) >= AA_NORMAL_TEXT ? hex : undefined;
}

/**
 * Whether the public site can show this logo: the CSP allows images from this site only, so a path
 * on it or a data: image (an address on another site is stored but not shown).
 */
export function isOwnLogo(url: string | null | undefined): url is string {
  return Boolean(url && (/^\/[^/\\]/.test(url) || url.startsWith('data:image/')));
}

/** A darker shade for hover states and outlines (30% towards black). */
export function darker(hex: string): string {
  return `#${channels(hex)
    .map((c) =>
      Math.round(c * 0.7)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** The stylesheet that overrides the theme tokens; empty (the default look) for an unusable colour. */
export function brandStylesheet(colour: string | undefined): string {
  const hex = usableBrandColour(colour);
  if (!hex) return '/* No usable brand colour: the default colours apply. */\n';
  return `.ko-theme {\n  --ko-brand-colour: ${hex};\n  --ko-brand-colour-dark: ${darker(hex)};\n  --ko-brand-contrast: ${WHITE};\n}\n`;
}
