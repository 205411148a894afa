/**
 * A camera for Chromium that films QR codes: a Y4M video file of codes drawn black on white, for Chromium's
 * --use-file-for-fake-video-capture. Lets a test scan with the real camera path of the dashboard. Chromium plays
 * the file in a loop and opens it when a page starts the camera, so a test may write it after launching.
 */
import { writeFileSync } from 'node:fs';
import { encode } from 'uqr';

const FPS = 10;

function qrFrame(text: string | null, width: number, height: number): Buffer {
  const luma = Buffer.alloc(width * height, 255);
  if (text !== null) {
    const qr = encode(text, { ecc: 'M', border: 4 });
    const scale = Math.floor(Math.min(width, height) / qr.size);
    const left = Math.floor((width - qr.size * scale) / 2);
    const top = Math.floor((height - qr.size * scale) / 2);
    qr.data.forEach((row, r) =>
      row.forEach((dark, c) => {
        if (!dark) return;
        for (let dy = 0; dy < scale; dy++) {
          const rowStart = (top + r * scale + dy) * width + left + c * scale;
          luma.fill(0, rowStart, rowStart + scale);
        }
      }),
    );
  }
  // 4:2:0 chroma at its neutral value: a grey-scale picture.
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  return Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
}

/** A video of one QR code. */
export function writeQrVideo(text: string, path: string, width = 640, height = 480): void {
  writeQrSequence([text], path, { width, height, secondsEach: 0.2, gapSeconds: 0 });
}

/**
 * A video of several QR codes in turn, as participants come up one by one: each code is shown for
 * `secondsEach`, then a blank white picture for `gapSeconds` (the next person stepping up). A code may appear
 * twice in `texts`, as when someone shows theirs again. Returns the length of one pass in seconds.
 */
export function writeQrSequence(
  texts: readonly string[],
  path: string,
  { width = 640, height = 480, secondsEach = 1.5, gapSeconds = 0.5 }: { width?: number; height?: number; secondsEach?: number; gapSeconds?: number } = {},
): number {
  const blank = qrFrame(null, width, height);
  const frames: Buffer[] = [];
  for (const text of texts) {
    const frame = qrFrame(text, width, height);
    for (let i = 0; i < Math.max(1, Math.round(secondsEach * FPS)); i++) frames.push(frame);
    for (let i = 0; i < Math.round(gapSeconds * FPS); i++) frames.push(blank);
  }
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F${FPS}:1 Ip A1:1 C420jpeg\n`), ...frames]));
  return frames.length / FPS;
}
