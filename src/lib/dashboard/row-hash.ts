/**
 * Stable response ids for rows that have none (CSV exports): 48 bits of a hash of the row's content, as twelve
 * hexadecimal digits, the shape of every response id. The same content gives the same id in every browser and
 * on every import, which is how a re-imported export is found as duplicates; so this function must never change
 * (tests/unit/dashboard-csv.test.ts pins its output).
 *
 * cyrb53's mixing (https://github.com/bryc/code/blob/master/jshash/experimental/cyrb53.js, public domain):
 * two 32-bit multiplicative hashes over the UTF-16 code units, cross-mixed at the end; the id is the low 48 bits
 * of cyrb53. Not SHA-256 through crypto.subtle: WebCrypto costs about 10 µs a call in Chromium, some 200 ms for
 * 20,000 rows, a fifth of the import's budget, where this takes 20–40 ms (both measured in Chromium 156 on a
 * 2-core machine). A cryptographic hash would only add resistance to a row written on purpose to collide
 * with another, and such a row would still be listed, by its row number, as a duplicate in the import report.
 * Chance collisions among 20,000 rows: about 1 in 1.4 million (n² / 2⁴⁹).
 */
export function rowId(content: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < content.length; i++) {
    const unit = content.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 & 0xffff).toString(16).padStart(4, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
