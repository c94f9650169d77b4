/** DejaVu Serif ships in ./fonts (Bitstream Vera licence): every Vietnamese glyph, on every OS. */
export const FONT_FILES = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
} as const;

/**
 * Where a font file is, resolved from this module: beside it in the source
 * tree, and in dist/node/fonts once bundled (build/bundle-node.mjs copies
 * the folder there). Every user of the fonts asks here, so a bundled CLI
 * never looks for a path that only exists in the source tree.
 */
export function fontUrl(file: (typeof FONT_FILES)[keyof typeof FONT_FILES]): URL {
  return new URL(`./fonts/${file}`, import.meta.url);
}
