/**
 * Upgrades stored records and imported files written by older versions of the kit, one version at a time.
 * Each migration takes data of version N and returns data of version N + 1. Version 1 is the first released
 * format, so the list is empty today; the mechanism is tested with migrations of its own.
 */
import { WORKBOOK_VERSION } from './format.ts';

export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/** migrations[N] upgrades version N to N + 1. */
export const MIGRATIONS: Record<number, Migration> = {};

export class NewerVersionError extends Error {
  constructor(readonly found: number) {
    super(`it was written by a newer version of Bansō (format version ${found}; this site reads up to ${WORKBOOK_VERSION})`);
  }
}

export function migrate(data: Record<string, unknown>, migrations: Record<number, Migration> = MIGRATIONS, target = WORKBOOK_VERSION): Record<string, unknown> {
  let current = data;
  let version = current.version;
  if (!Number.isInteger(version) || (version as number) < 1) throw new Error('it has no valid format version');
  if ((version as number) > target) throw new NewerVersionError(version as number);
  while ((version as number) < target) {
    const step = migrations[version as number];
    if (!step) throw new Error(`no migration from format version ${String(version)}`);
    current = { ...step(current), version: (version as number) + 1 };
    version = current.version;
  }
  return current;
}
