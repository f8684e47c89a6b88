/**
 * Draws the Teams app icons (`manifest/color.png`, `manifest/outline.png`) from simple shapes,
 * so the design lives in code and can be regenerated: `npm run icons`.
 *
 * The design is a speech bubble with the letters "KI" (Kommunale Integrationszentren).
 * Shapes are predicates over continuous pixel coordinates; each pixel is supersampled for
 * smooth (anti-aliased) edges. The outline icon is pure white with varying alpha, as Teams
 * requires ("white on transparent").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** A shape: is the point (x, y) inside? Coordinates are in pixels, (0, 0) top left. */
type Shape = (x: number, y: number) => boolean;

type Rgb = readonly [number, number, number];

/** Accent colour of the app; keep in sync with `accentColor` in manifest/manifest.json. */
export const ACCENT_COLOR: Rgb = [0x1f, 0x6f, 0x8b];
const WHITE: Rgb = [255, 255, 255];

/** Icon sizes Teams requires. */
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

const SUBSAMPLES = 4;

function roundedRect(left: number, top: number, right: number, bottom: number, radius: number): Shape {
  return (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const cx = Math.min(Math.max(x, left + radius), right - radius);
    const cy = Math.min(Math.max(y, top + radius), bottom - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
}

function polygon(points: ReadonlyArray<readonly [number, number]>): Shape {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** A straight stroke of the given width between two points, with flat ends. */
function stroke(x1: number, y1: number, x2: number, y2: number, width: number): Shape {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy);
  const nx = (-dy / length) * (width / 2);
  const ny = (dx / length) * (width / 2);
  return polygon([
    [x1 + nx, y1 + ny],
    [x2 + nx, y2 + ny],
    [x2 - nx, y2 - ny],
    [x1 - nx, y1 - ny],
  ]);
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));

const difference =
  (outer: Shape, hole: Shape): Shape =>
  (x, y) =>
    outer(x, y) && !hole(x, y);

/** The letters "KI" in a box given by its left edge, top, height and stroke width. */
function letters(left: number, top: number, height: number, weight: number): Shape {
  const bottom = top + height;
  const kRight = left + height * 0.68;
  const stemRight = left + weight;
  const kStem = roundedRect(left, top, stemRight, bottom, 0);
  // The arm runs from the stem (a little below the middle) up to the top right; the leg
  // branches off the arm and runs down to the bottom right. Both are clipped to the letter box.
  const armStartY = top + height * 0.62;
  const kArm = stroke(stemRight - weight * 0.2, armStartY, kRight, top - weight * 0.2, weight * 1.05);
  const legStartX = stemRight + (kRight - stemRight) * 0.3;
  const legStartY = armStartY - (armStartY - top) * 0.3;
  const kLeg = stroke(legStartX, legStartY, kRight + weight * 0.1, bottom + weight * 0.2, weight * 1.1);
  const box = roundedRect(left, top, kRight + weight, bottom, 0);
  const k = (x: number, y: number) => box(x, y) && (kStem(x, y) || kArm(x, y) || kLeg(x, y));
  const iLeft = Math.round(kRight + weight * 1.3);
  const iStem = roundedRect(iLeft, top, iLeft + weight, bottom, 0);
  return union(k, iStem);
}

/** Fraction of the pixel (px, py) covered by the shape, from 0 to 1. */
function coverage(shape: Shape, px: number, py: number): number {
  let hits = 0;
  for (let sy = 0; sy < SUBSAMPLES; sy++) {
    for (let sx = 0; sx < SUBSAMPLES; sx++) {
      if (shape(px + (sx + 0.5) / SUBSAMPLES, py + (sy + 0.5) / SUBSAMPLES)) hits++;
    }
  }
  return hits / SUBSAMPLES ** 2;
}

/** Paints layers back to front (source-over) onto a transparent canvas. */
function paint(size: number, layers: ReadonlyArray<{ shape: Shape; color: Rgb }>): PNG {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { shape, color } of layers) {
        const alpha = coverage(shape, px, py);
        if (alpha === 0) continue;
        const outAlpha = alpha + a * (1 - alpha);
        r = (color[0] * alpha + r * a * (1 - alpha)) / outAlpha;
        g = (color[1] * alpha + g * a * (1 - alpha)) / outAlpha;
        b = (color[2] * alpha + b * a * (1 - alpha)) / outAlpha;
        a = outAlpha;
      }
      const offset = (py * size + px) * 4;
      png.data[offset] = Math.round(r);
      png.data[offset + 1] = Math.round(g);
      png.data[offset + 2] = Math.round(b);
      png.data[offset + 3] = Math.round(a * 255);
    }
  }
  return png;
}

/** The 192×192 colour icon: white speech bubble with accent-coloured "KI" on an accent square. */
export function renderColorIcon(): Buffer {
  const size = COLOR_ICON_SIZE;
  const background = roundedRect(0, 0, size, size, 0);
  const bubble = union(
    roundedRect(34, 40, 158, 136, 26),
    polygon([
      [58, 128],
      [92, 128],
      [52, 164],
    ]),
  );
  return PNG.sync.write(
    paint(size, [
      { shape: background, color: ACCENT_COLOR },
      { shape: bubble, color: WHITE },
      { shape: letters(60, 60, 56, 14), color: ACCENT_COLOR },
    ]),
  );
}

/** The 32×32 outline icon: the same design as a white line drawing on transparent. */
export function renderOutlineIcon(): Buffer {
  const size = OUTLINE_ICON_SIZE;
  const outer = roundedRect(2, 3, 30, 24, 5);
  const inner = roundedRect(4, 5, 28, 22, 3);
  const tail = polygon([
    [7, 23],
    [13, 23],
    [6, 30],
  ]);
  const drawing = union(difference(outer, inner), tail, letters(9, 9, 10, 2));
  return PNG.sync.write(paint(size, [{ shape: drawing, color: WHITE }]));
}

/** Writes both icons into the given manifest folder. */
export function writeIcons(manifestDir: string): void {
  writeFileSync(join(manifestDir, 'color.png'), renderColorIcon());
  writeFileSync(join(manifestDir, 'outline.png'), renderOutlineIcon());
}

if (require.main === module) {
  const manifestDir = join(__dirname, '..', 'manifest');
  writeIcons(manifestDir);
  console.log(`Icons written to ${manifestDir}`);
}
