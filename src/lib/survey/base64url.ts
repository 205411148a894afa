/**
 * base64url without padding (RFC 4648 §5), the alphabet that survives URLs, JSON and file names unescaped.
 * Written out rather than using Uint8Array.prototype.toBase64, which not every supported browser has yet.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      out += ALPHABET[(buffer >>> (bits - 6)) & 63];
      bits -= 6;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (6 - bits)) & 63];
  return out;
}

/**
 * Undefined unless the text is the canonical spelling of some bytes: only base64url characters, no padding,
 * and zero spare bits in the last character (so one value has one spelling, as with the response codes).
 */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let length = 0;
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bytes[length++] = (buffer >>> (bits - 8)) & 0xff;
      bits -= 8;
      buffer &= (1 << bits) - 1;
    }
  }
  if (bits >= 6 || buffer !== 0) return undefined;
  return bytes;
}
