/**
 * A clean install (issue 17): on a fresh clone, `npm install` leaves the repository as committed, so an
 * organisation's `git status` shows only its own changes. CI runs on exactly that: a fresh clone where npm install
 * has just run. On a working copy the files may differ for other reasons, so it runs only there.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/sites.ts';

describe('a fresh install', () => {
  it.runIf(process.env.CI)('leaves package.json and package-lock.json as committed', () => {
    const git = spawnSync('git', ['status', '--porcelain', '--', 'package.json', 'package-lock.json'], { cwd: projectRoot, encoding: 'utf8' });
    expect(git.status).toBe(0);
    expect(git.stdout).toBe('');
  });
});
