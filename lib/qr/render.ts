import QRCode from 'qrcode';

// Error correction M (15 %) survives a scuffed poster or a folded receipt and keeps the code
// coarse enough for an old phone camera; the 4-module quiet zone is what the standard asks.
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: 'svg' });
}

export function qrPng(text: string, width = 600): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: 'png', width });
}
