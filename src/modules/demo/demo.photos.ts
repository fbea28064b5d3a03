/**
 * Demo photos and branding, drawn in code: a few small flat-colour PNG drawings (a garden, a
 * playroom, a building) for some demo locations, with alt text in three languages, and a logo and
 * colour for the first demo municipality. Deterministic (no randomness, no downloads, no rights).
 */
import { deflateSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import type { Translated } from '../../platform/db/schema/index.ts';

type Rgb = readonly [number, number, number];

/** A tiny raster canvas: rectangles, circles, triangles; enough for a child's drawing. */
class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    this.rect(0, 0, width, height, background);
  }
  private set(x: number, y: number, c: Rgb) {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    this.pixels.set(c, (y * this.width + x) * 3);
  }
  rect(x: number, y: number, w: number, h: number, c: Rgb) {
    for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) this.set(i, j, c);
  }
  circle(cx: number, cy: number, r: number, c: Rgb) {
    for (let j = -r; j <= r; j++)
      for (let i = -r; i <= r; i++) if (i * i + j * j <= r * r) this.set(cx + i, cy + j, c);
  }
  /** A triangle with a horizontal base from (x, base) to (x + w, base) and its top at (x + w/2, top). */
  roof(x: number, base: number, w: number, top: number, c: Rgb) {
    for (let y = top; y <= base; y++) {
      const half = ((y - top) / (base - top)) * (w / 2);
      for (let i = Math.round(x + w / 2 - half); i <= Math.round(x + w / 2 + half); i++) this.set(i, y, c);
    }
  }
  /** A thick straight line (the slide). */
  line(x0: number, y0: number, x1: number, y1: number, thickness: number, c: Rgb) {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
    for (let s = 0; s <= steps; s++) {
      const x = Math.round(x0 + ((x1 - x0) * s) / steps);
      const y = Math.round(y0 + ((y1 - y0) * s) / steps);
      this.rect(x, y, thickness, thickness, c);
    }
  }
  png(): Buffer {
    return encodePng(this.width, this.height, this.pixels);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** An 8-bit RGB PNG, rows unfiltered. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const SKY: Rgb = [198, 228, 247];
const GRASS: Rgb = [120, 186, 96];
const SUN: Rgb = [250, 204, 60];

function garden(): Buffer {
  const c = new Canvas(320, 200, SKY);
  c.rect(0, 140, 320, 60, GRASS);
  c.circle(270, 40, 22, SUN);
  c.rect(46, 90, 14, 60, [122, 82, 48]);
  c.circle(53, 78, 34, [62, 140, 70]);
  // The slide: a ladder and a chute.
  c.rect(150, 70, 6, 80, [200, 40, 50]);
  c.rect(176, 70, 6, 80, [200, 40, 50]);
  for (let y = 80; y < 150; y += 14) c.rect(150, y, 32, 4, [200, 40, 50]);
  c.line(182, 70, 250, 140, 8, [30, 110, 200]);
  return c.png();
}

function playroom(): Buffer {
  const c = new Canvas(320, 200, [250, 240, 214]);
  c.rect(0, 150, 320, 50, [196, 150, 100]);
  c.rect(200, 30, 90, 70, [255, 255, 255]);
  c.rect(206, 36, 78, 58, SKY);
  c.rect(243, 36, 4, 58, [255, 255, 255]);
  // Stacked blocks and a ball.
  c.rect(40, 120, 30, 30, [214, 48, 49]);
  c.rect(72, 120, 30, 30, [36, 99, 200]);
  c.rect(56, 88, 30, 30, [246, 190, 0]);
  c.circle(150, 134, 16, [40, 160, 90]);
  c.rect(142, 118, 16, 4, [255, 255, 255]);
  return c.png();
}

function building(): Buffer {
  const c = new Canvas(320, 200, SKY);
  c.rect(0, 160, 320, 40, GRASS);
  c.circle(40, 36, 18, SUN);
  c.rect(90, 80, 150, 84, [205, 112, 70]);
  c.roof(80, 80, 170, 30, [80, 60, 70]);
  c.rect(150, 116, 30, 48, [60, 90, 140]);
  c.rect(104, 96, 30, 26, [255, 255, 255]);
  c.rect(196, 96, 30, 26, [255, 255, 255]);
  c.rect(160, 164, 10, 36, [200, 200, 190]);
  return c.png();
}

const DRAWINGS: { bytes: () => Buffer; alt: Translated }[] = [
  {
    bytes: building,
    alt: {
      nl: 'Tekening van het gebouw van de opvang, met de voordeur en twee ramen.',
      fr: 'Dessin du bâtiment de l’accueil, avec la porte d’entrée et deux fenêtres.',
      en: 'Drawing of the childcare building, with the front door and two windows.',
    },
  },
  {
    bytes: playroom,
    alt: {
      nl: 'Tekening van de speelruimte: gestapelde blokken en een bal bij het raam.',
      fr: 'Dessin de la salle de jeux\u00a0: des blocs empilés et un ballon près de la fenêtre.',
      en: 'Drawing of the playroom: stacked blocks and a ball by the window.',
    },
  },
  {
    bytes: garden,
    alt: {
      nl: 'Tekening van de tuin: een glijbaan, een boom en de zon.',
      fr: 'Dessin du jardin\u00a0: un toboggan, un arbre et le soleil.',
      en: 'Drawing of the garden: a slide, a tree and the sun.',
    },
  },
];

/** A logo for the demo's first municipality: a red shield with a white bar, as a data: image. */
function demoLogo(): string {
  const c = new Canvas(40, 48, [255, 255, 255]);
  const red: Rgb = [175, 22, 42];
  c.rect(4, 2, 32, 30, red);
  // The shield's point: rows narrowing towards the bottom.
  for (let y = 32; y < 46; y++) c.rect(4 + (y - 31), y, 32 - 2 * (y - 31), 1, red);
  c.rect(4, 16, 32, 6, [255, 255, 255]);
  return `data:image/png;base64,${c.png().toString('base64')}`;
}

/** Locations that get photos: the first ones generated (the demo accounts' own among them). */
const LOCATIONS_WITH_PHOTOS = 40;
/** Leuven red, darkened to keep 4.5:1 against white text (checked by the public site anyway). */
const DEMO_BRAND_COLOUR = '#af162a';

export async function writeDemoPhotos(
  tx: Database,
  input: { now: number; locations: readonly { id?: string }[]; municipalities: readonly { id: string }[] },
): Promise<void> {
  const createdAt = new Date(input.now - 200 * 86_400_000);
  const drawings = DRAWINGS.map((d) => ({ bytes: d.bytes(), alt: d.alt }));
  const rows = input.locations.slice(0, LOCATIONS_WITH_PHOTOS).flatMap((location, i) =>
    // Two or three drawings each, starting at a different one so neighbours differ.
    Array.from({ length: 2 + (i % 2) }, (_, k) => {
      const d = drawings[(i + k) % drawings.length] as (typeof drawings)[number];
      return {
        providerLocationId: location.id as string,
        contentType: 'image/png',
        bytes: d.bytes,
        alt: d.alt,
        sortOrder: k,
        createdAt,
      };
    }),
  );
  if (rows.length > 0) await tx.insert(schema.providerPhotos).values(rows);
  const first = input.municipalities[0];
  if (first) {
    await tx
      .update(schema.municipalities)
      .set({ logoUrl: demoLogo(), brandColour: DEMO_BRAND_COLOUR })
      .where(eq(schema.municipalities.id, first.id));
  }
}
