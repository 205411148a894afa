/**
 * Session key fingerprints (fingerprint.ts): what the facilitator's screen and a participant's survey both show,
 * so a session link carrying another public key (its CRC only catches accidents) is noticed.
 */
import { describe, expect, it } from 'vitest';
import { toBase64url } from '../../src/lib/survey/base64url.ts';
import { keyFingerprint, linkFingerprint, sessionFingerprint } from '../../src/lib/survey/fingerprint.ts';
import { createSession, encodeSessionFragment } from '../../src/lib/survey/session-link.ts';

// The P-256 base point G (FIPS 186-4 D.1.2.3), uncompressed: a public key anyone can rebuild.
const G = Uint8Array.from(
  ('04' + '6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296' + '4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5').match(/../g)!,
  (pair) => parseInt(pair, 16),
);

describe('session key fingerprint', () => {
  it('matches a vector computed independently (Python hashlib, first 50 bits of SHA-256 in Crockford base32)', async () => {
    // SHA-256(G) starts 69 8b ea 63 dc 44 a3 44.
    await expect(keyFingerprint(G)).resolves.toBe('D65YM-RYW8J');
  });

  it('is stable, readable aloud and the same from the key, the descriptor and the session link', async () => {
    const session = await createSession({ cohort: 'ENG-7', wave: 'after', instrumentVersion: 1 });
    const fromDescriptor = await sessionFingerprint(session.descriptor.publicKey);
    expect(fromDescriptor).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    await expect(sessionFingerprint(session.descriptor.publicKey)).resolves.toBe(fromDescriptor);
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', session.publicKey));
    await expect(keyFingerprint(raw)).resolves.toBe(fromDescriptor);
    const fragment = encodeSessionFragment(session.descriptor);
    for (const link of [fragment, `#${fragment}`, `https://example.org/en/survey/#${fragment}`]) await expect(linkFingerprint(link)).resolves.toBe(fromDescriptor);
  });

  it('tells a link with another key and the same session id apart (the CRC alone does not)', async () => {
    const mine = await createSession({ cohort: 'ENG-7', wave: 'after', instrumentVersion: 1 });
    const forged = await createSession({ cohort: 'ENG-7', wave: 'after', instrumentVersion: 1 });
    const forgedLink = encodeSessionFragment({ ...forged.descriptor, sessionId: mine.descriptor.sessionId });
    expect(await linkFingerprint(forgedLink)).not.toBe(await linkFingerprint(encodeSessionFragment(mine.descriptor)));
  });

  it('gives distinct keys distinct fingerprints', async () => {
    const seen = new Set<string>();
    for (let n = 0; n < 200; n++) {
      const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])) as CryptoKeyPair;
      seen.add(await keyFingerprint(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))));
    }
    expect(seen.size).toBe(200);
  });

  it('gives nothing for what holds no key', () => {
    expect(sessionFingerprint(toBase64url(G.subarray(0, 64)))).toBeUndefined();
    expect(linkFingerprint('https://example.org/en/survey/?wave=after')).toBeUndefined();
    expect(linkFingerprint('#session=AAAA')).toBeUndefined();
  });
});
