/** The interface text of the facilitator's session page, resolved on the server, placeholders kept. */
import type { Translate } from '../../lib/i18n/translations.ts';
import { WAVES } from '../../lib/survey/response-code.ts';

const KEYS = [
  'createHeading', 'cohort', 'cohortHint', 'cohortInvalid', 'wave', 'create', 'created', 'listHeading', 'none', 'sessionTitle', 'noCohort', 'meta',
  'linkLabel', 'copyLink', 'copied', 'copyFailed', 'showQr', 'qrTitle', 'qrLabel', 'close', 'backup', 'delete', 'deleteConfirm',
  'restoreHeading', 'restoreLead', 'restoreLabel', 'restored', 'restoreError.not-a-backup', 'restoreError.newer-version', 'restoreError.key-mismatch',
  'restoreError.wrong-passphrase', 'restoreError.damaged', 'storageUnavailable',
  'passphrase', 'passphraseHint', 'passphraseAgain', 'passphraseShort', 'passphraseMismatch', 'strength.short', 'strength.weak', 'strength.fair', 'strength.strong',
  'protecting', 'fingerprint', 'fingerprintHint', 'qrFingerprint', 'unprotected', 'protectStart', 'protect', 'protected',
  'restorePassphrase', 'restorePassphraseMissing', 'restore', 'restoreChoose', 'restorePlain', 'restoredPlain',
] as const;

export type SessionStringKey = (typeof KEYS)[number];

export function sessionStrings(t: Translate) {
  return {
    text: Object.fromEntries(KEYS.map((key) => [key, t(`sessions.${key}`)])) as Record<SessionStringKey, string>,
    waves: Object.fromEntries(WAVES.map((wave) => [wave, t(`survey.wave.${wave}`)])) as Record<(typeof WAVES)[number], string>,
    /** Shown after a session is created or restored (issue 15): the key lives in this browser only. */
    keyReminder: t('storage.keyReminder'),
  };
}

export type SessionStrings = ReturnType<typeof sessionStrings>;
