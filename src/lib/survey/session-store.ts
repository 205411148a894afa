/**
 * The facilitator's survey sessions in this browser's IndexedDB: each session's descriptor and its private key.
 * The key is stored as a CryptoKey (browsers keep it in structured form); it stays extractable only so the
 * facilitator can download a backup, which is the one way it can leave this browser.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SessionDescriptor, SessionKeys } from './sealed.ts';

const DATABASE = 'banso-facilitator';
const SESSIONS = 'sessions';

interface FacilitatorDatabase extends DBSchema {
  sessions: { key: string; value: SessionKeys };
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

  async list(): Promise<SessionKeys[]> {
    const all = await this.db.getAll(SESSIONS);
    return all.sort((a, b) => b.descriptor.createdAt.localeCompare(a.descriptor.createdAt));
  }

  get(sessionId: string): Promise<SessionKeys | undefined> {
    return this.db.get(SESSIONS, sessionId);
  }

  /** Adds a session, or replaces one with the same id (restoring a backup twice changes nothing). */
  async put(keys: SessionKeys): Promise<void> {
    await this.db.put(SESSIONS, keys);
  }

  async delete(descriptor: Pick<SessionDescriptor, 'sessionId'>): Promise<void> {
    await this.db.delete(SESSIONS, descriptor.sessionId);
  }
}
