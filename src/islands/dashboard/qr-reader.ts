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

/**
 * Starts the camera into `video` and reads it four times a second (fast enough for a queue of phones, light
 * enough for an old laptop), passing each frame's codes to `onCodes`. Returns the function that stops it;
 * rejects with getUserMedia's error (a TypeError where the page has no camera access at all).
 */
export async function startCamera(video: HTMLVideoElement, onCodes: (codes: string[]) => void): Promise<() => void> {
  const detector = await qrReader();
  if (!navigator.mediaDevices?.getUserMedia) throw new TypeError('navigator.mediaDevices is not available on this page');
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  let busy = false;
  const timer = setInterval(async () => {
    if (busy || video.readyState < 2) return;
    busy = true;
    try {
      const codes = (await detector.detect(video)).map((code) => code.rawValue).filter(Boolean);
      if (codes.length > 0) onCodes(codes);
    } catch {
      // A frame that cannot be read (the video resizing, say) is skipped; the next one is tried.
    } finally {
      busy = false;
    }
  }, 250);
  const stop = () => {
    clearInterval(timer);
    stream.getTracks().forEach((track) => track.stop());
    video.srcObject = null;
  };
  try {
    video.srcObject = stream;
    await video.play();
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}

/** A short tone from the page itself (no sound file): high for a code received, low for one refused. */
let audio: AudioContext | undefined;
export function beep(kind: 'ok' | 'refused'): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = kind === 'ok' ? 880 : 220;
    const start = audio.currentTime;
    const length = kind === 'ok' ? 0.12 : 0.3;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.25, start + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start);
    oscillator.stop(start + length + 0.02);
  } catch {
    // No audio on this device: the tick and the announcement still say it.
  }
}
