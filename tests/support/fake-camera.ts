/**
 * A camera for Chromium that films one QR code: a Y4M video file of the code, drawn black on white, for
 * Chromium's --use-file-for-fake-video-capture. Lets a test scan with the real camera path of the dashboard.
 */
import { writeFileSync } from 'node:fs';
import { encode } from 'uqr';

export function writeQrVideo(text: string, path: string, width = 640, height = 480): void {
  const qr = encode(text, { ecc: 'M', border: 4 });
  const scale = Math.floor(Math.min(width, height) / qr.size);
  const left = Math.floor((width - qr.size * scale) / 2);
  const top = Math.floor((height - qr.size * scale) / 2);
  const luma = Buffer.alloc(width * height, 255);
  qr.data.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) {
        const rowStart = (top + r * scale + dy) * width + left + c * scale;
        luma.fill(0, rowStart, rowStart + scale);
      }
    }),
  );
  // 4:2:0 chroma at its neutral value: a grey-scale picture.
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
}
