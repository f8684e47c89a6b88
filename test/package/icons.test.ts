import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE, renderColorIcon, renderOutlineIcon } from '../../scripts/make-icons';
import { checkColorIcon, checkOutlineIcon } from '../../scripts/package/icons';

const MANIFEST_DIR = join(__dirname, '..', '..', 'manifest');

describe('make-icons', () => {
  // Rendering the colour icon takes a few seconds: draw each icon once for all tests.
  const icons: Record<'color' | 'outline', Buffer> = { color: Buffer.alloc(0), outline: Buffer.alloc(0) };
  beforeAll(() => {
    icons.color = renderColorIcon();
    icons.outline = renderOutlineIcon();
  });

  it.each([
    { file: 'color.png', icon: 'color' as const, size: COLOR_ICON_SIZE },
    { file: 'outline.png', icon: 'outline' as const, size: OUTLINE_ICON_SIZE },
  ])('should reproduce the committed $file pixel for pixel', ({ file, icon, size }) => {
    const rendered = PNG.sync.read(icons[icon]);
    const committed = PNG.sync.read(readFileSync(join(MANIFEST_DIR, file)));

    expect([rendered.width, rendered.height]).toEqual([size, size]);
    expect([committed.width, committed.height]).toEqual([size, size]);
    expect(Buffer.compare(rendered.data, committed.data)).toBe(0);
  });

  it('should draw icons that pass the packager checks', () => {
    expect(checkColorIcon('color.png', icons.color)).toEqual([]);
    expect(checkOutlineIcon('outline.png', icons.outline)).toEqual([]);
  });

  it('should draw a visible, partly transparent outline', () => {
    const outline = PNG.sync.read(icons.outline);
    const alphas = [...outline.data.filter((_, index) => index % 4 === 3)];
    const opaque = alphas.filter((alpha) => alpha === 255).length;
    const transparent = alphas.filter((alpha) => alpha === 0).length;
    expect(opaque).toBeGreaterThan(100);
    expect(transparent).toBeGreaterThan(outline.width * outline.height * 0.4);
  });
});
