import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text of the QR code in a PNG (a screenshot, or an image the page made), or null. */
export function decodeQrPng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** The text of the QR code in a `data:image/png;base64,…` address, as an <img src> holds it. */
export function decodeQrDataUrl(src: string): string | null {
  return decodeQrPng(Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64'));
}
