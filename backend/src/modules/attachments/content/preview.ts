import type Sharp from 'sharp';

let sharpModule: typeof Sharp | undefined;
/** sharp and libvips (~20 MB of RSS), required on the first image preview rather than at boot. */
const sharp = (): typeof Sharp => (sharpModule ??= require('sharp') as typeof Sharp);

/** Thumbnails fit in this square; the console shows them in the attachment list. */
export const PREVIEW_SIZE = 320;
/** A decompression bomb (a small PNG of 100 000 × 100 000 pixels) is refused before decoding. */
const MAX_PIXELS = 50_000_000;

/**
 * Decodes the image (which also proves it is one) and re-encodes a small JPEG. Re-encoding keeps
 * no metadata: EXIF (GPS position, camera serial), XMP and ICC comments are gone. The orientation
 * tag is applied first, so the thumbnail is upright without it.
 */
export async function makePreview(image: Buffer, expected: 'jpeg' | 'png'): Promise<Buffer | null> {
  try {
    const source = sharp()(image, { limitInputPixels: MAX_PIXELS, failOn: 'error' });
    const meta = await source.metadata();
    if (meta.format !== expected || !meta.width || !meta.height) return null;
    return await source
      .rotate()
      .resize(PREVIEW_SIZE, PREVIEW_SIZE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 78, mozjpeg: false })
      .toBuffer();
  } catch {
    return null;
  }
}
