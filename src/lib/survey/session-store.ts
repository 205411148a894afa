/**
 * The facilitator's survey sessions in this browser's IndexedDB: each session's descriptor, its private key and
 * its protected backup (session-backup.ts). The key is stored as a CryptoKey that is not extractable, so no
 * script on this origin (another app on a shared host, say) can read it out; it can only be used to open
 * responses here. The backup beside it is ciphertext, readable only with the facilitator's passphrase.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SessionDescriptor } from './sealed.ts';
import type { LockedSession, StoredSession } from './session-backup.ts';

const DATABASE = 'banso-facilitator';
const SESSIONS = 'sessions';

interface FacilitatorDatabase extends DBSchema {
  sessions: { key: string; value: StoredSession };
}

export class SessionStore {
  private constructor(private readonly db: IDBPDatabase<FacilitatorDatabase>) {}

  /** Rejects when the browser refuses IndexedDB (some private modes and policies). */
  static async open(): Promise<SessionStore> {
    const db = await openDB<FacilitatorDatabase>(DATABASE, 1, {
      upgrade(database) {
        if (!database.objectStoreNames.contains(SESSIONS)) database.createObjectStore(SESSIONS, { keyPath: 'descriptor.sessionId' });
      },
    });
    return new SessionStore(db);
  }

  async list(): Promise<StoredSession[]> {
    const all = await this.db.getAll(SESSIONS);
    return all.sort((a, b) => b.descriptor.createdAt.localeCompare(a.descriptor.createdAt));
  }

  get(sessionId: string): Promise<StoredSession | undefined> {
    return this.db.get(SESSIONS, sessionId);
  }

  /**
   * Adds a session, or replaces one with the same id (restoring a backup twice changes nothing). Only a
   * LockedSession, which protectSession, openProtectedBackup and restorePlainBackup make: a key that cannot be read
   * out, with its protected backup. (A type, not a check at run time: the dashboard loads this module too, and
   * its page weight has no room for code it never runs.)
   */
  async put(session: LockedSession): Promise<void> {
    await this.db.put(SESSIONS, session);
  }

  async delete(descriptor: Pick<SessionDescriptor, 'sessionId'>): Promise<void> {
    await this.db.delete(SESSIONS, descriptor.sessionId);
  }
}
