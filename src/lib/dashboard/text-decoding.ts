/**
 * Bytes of an imported file as text. Spreadsheets in Japan save CSV as Shift_JIS (Excel's "CSV (コンマ区切り)")
 * or as UTF-8 with a byte order mark ("CSV UTF-8"); Google Forms and most tools write UTF-8 without one; Excel's
 * "Unicode テキスト" is UTF-16 with a mark. The order of the checks matters: a byte order mark is decisive; then
 * UTF-8 is tried strictly, because Shift_JIS text is almost never valid UTF-8 while the reverse is common (ASCII
 * is both). The "shift_jis" decoder of the Encoding Standard is in fact Windows-31J, the code page Excel writes
 * (with ①, ㈱ and the other vendor characters): https://encoding.spec.whatwg.org/#shift_jis
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'shift_jis';

export type TextDecodingError =
  | { kind: 'excel-workbook'; detail: string }
  | { kind: 'binary'; detail: string }
  | { kind: 'unreadable-encoding'; detail: string };

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; error: TextDecodingError };

/** How much of the start is inspected for signs of a binary file before the whole file is decoded. */
const SNIFF_BYTES = 64 * 1024;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, at) => bytes[at] === byte);

/**
 * Control characters that never occur in text a person or a spreadsheet writes. Tab, line feed, vertical tab,
 * form feed and carriage return do occur; so does U+001A, the end-of-file mark some old Windows tools append.
 */
const BINARY_CONTROL = /[\u0000-\u0008\u000E-\u0019\u001B-\u001F]/;

function sniff(bytes: Uint8Array): TextDecodingError | undefined {
  // ZIP (.xlsx, .docx, .zip) and the compound file of old .xls: spreadsheets people export instead of CSV.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { kind: 'excel-workbook', detail: 'it is a spreadsheet workbook (such as .xlsx), not text: save it from the spreadsheet as "CSV UTF-8" and import that file' };
  }
  const head = bytes.subarray(0, SNIFF_BYTES);
  const utf16 = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  // A zero byte is half of every ASCII character in UTF-16, and in nothing else a person would call text.
  if (!utf16 && head.includes(0)) return { kind: 'binary', detail: 'it is not a text file (it holds binary data, such as an image or a program)' };
  return undefined;
}

function decodeStrictly(label: string, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: the mark, when present, was checked by the caller and is removed here once, by hand.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decodes a file's bytes as UTF-8 (with or without BOM), UTF-16 with a BOM, or Shift_JIS; never throws. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const problem = sniff(bytes);
  if (problem) return { ok: false, error: problem };
  let decoded: { text: string; encoding: TextEncodingName } | undefined;
  const attempt = (label: string, encoding: TextEncodingName, skip: number) => {
    const text = decodeStrictly(label, bytes.subarray(skip));
    return text === undefined ? undefined : { text, encoding };
  };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) decoded = attempt('utf-8', 'utf-8-bom', 3);
  else if (startsWith(bytes, [0xff, 0xfe])) decoded = attempt('utf-16le', 'utf-16le', 2);
  else if (startsWith(bytes, [0xfe, 0xff])) decoded = attempt('utf-16be', 'utf-16be', 2);
  else decoded = attempt('utf-8', 'utf-8', 0) ?? attempt('shift_jis', 'shift_jis', 0);
  if (!decoded) {
    return {
      ok: false,
      error: { kind: 'unreadable-encoding', detail: 'it is neither UTF-8 nor Shift_JIS text (part of it may be damaged): save it again as "CSV UTF-8" and import that file' },
    };
  }
  if (BINARY_CONTROL.test(decoded.text)) return { ok: false, error: { kind: 'binary', detail: 'it is not a text file (it holds control characters that text never contains)' } };
  return { ok: true, ...decoded };
}
