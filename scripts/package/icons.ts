/**
 * Icon checks Teams applies on upload, run before packaging so a broken icon fails here with
 * a clear message instead of in the Teams admin center.
 */
import { PNG } from 'pngjs';
import { PackageMessages } from './errors';

/** Required edge lengths in pixels. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** Decodes a PNG, or returns the reason it cannot be read. */
function decode(file: string, data: Buffer): PNG | string {
  try {
    return PNG.sync.read(data);
  } catch (error) {
    return PackageMessages.iconNotPng(file, error instanceof Error ? error.message : String(error));
  }
}

/** Problems with the colour icon: it must be a 192×192 PNG. */
export function checkColorIcon(file: string, data: Buffer): string[] {
  const png = decode(file, data);
  if (typeof png === 'string') return [png];
  return sizeProblems(file, png, ICON_SIZES.color);
}

/**
 * Problems with the outline icon: a 32×32 PNG whose visible pixels are all white; partial
 * alpha is allowed (anti-aliased edges), colour is not.
 */
export function checkOutlineIcon(file: string, data: Buffer): string[] {
  const png = decode(file, data);
  if (typeof png === 'string') return [png];
  const problems = sizeProblems(file, png, ICON_SIZES.outline);
  let count = 0;
  let first: { x: number; y: number } | undefined;
  for (let offset = 0; offset < png.data.length; offset += 4) {
    const [r, g, b, a] = png.data.subarray(offset, offset + 4);
    if (a === 0 || (r === 255 && g === 255 && b === 255)) continue;
    count++;
    first ??= { x: (offset / 4) % png.width, y: Math.floor(offset / 4 / png.width) };
  }
  if (first) problems.push(PackageMessages.outlineNotWhite(file, count, first.x, first.y));
  return problems;
}

function sizeProblems(file: string, png: PNG, expected: number): string[] {
  return png.width === expected && png.height === expected
    ? []
    : [PackageMessages.iconWrongSize(file, png.width, png.height, expected)];
}
