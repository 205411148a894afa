/**
 * A QR code reader: the browser's own BarcodeDetector where it has one, otherwise the ZXing-based polyfill,
 * loaded only when first needed, with its WebAssembly served from this site (its default is a CDN, which
 * would send a request to another origin).
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

interface Detector {
  detect(source: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}

let reader: Promise<Detector> | undefined;

export function qrReader(): Promise<Detector> {
  reader ??= (async () => {
    const native = (globalThis as { BarcodeDetector?: { new (options: { formats: string[] }): Detector; getSupportedFormats(): Promise<string[]> } }).BarcodeDetector;
    if (native && (await native.getSupportedFormats()).includes('qr_code')) return new native({ formats: ['qr_code'] });
    const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
    prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(wasmUrl, location.href).href : prefix + path) }, fireImmediately: false });
    return new BarcodeDetector({ formats: ['qr_code'] });
  })();
  return reader;
}

/** Every QR code's text in an image file (a screenshot a participant sent, say). */
export async function readQrImage(file: Blob): Promise<string[]> {
  const bitmap = await createImageBitmap(file);
  try {
    return (await (await qrReader()).detect(bitmap)).map((code) => code.rawValue);
  } finally {
    bitmap.close();
  }
}
