/**
 * The projector screen a module block may carry (screenSchema in src/schemas/module.ts): what an author gets told
 * when a screen is wrong, and every screen the kit's own modules carry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { moduleSchema, SCREEN_FIGURES, SCREEN_LIMITS, screenSchema } from '../../src/schemas/module.ts';
import { projectRoot } from '../support/sites.ts';

const messagesOf = (data: unknown) => {
  const result = screenSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('screen schema', () => {
  it('accepts a heading with lines and a figure, and a heading with a question', () => {
    expect(messagesOf({ heading: 'Learning from experience (Kolb)', lines: ['Mark the stage where your team gets stuck'], figure: 'learning-cycle' })).toEqual([]);
    expect(messagesOf({ heading: '迷いを場に出す', question: 'いま迷っていることは何ですか' })).toEqual([]);
    expect(messagesOf({ heading: 'A break: ten minutes' })).toEqual([]);
  });

  it('refuses a screen with both lines and a question, saying to choose one', () => {
    expect(messagesOf({ heading: 'Both', lines: ['One line'], question: 'And a question?' })).toEqual([': either lines or a question on one screen, not both']);
  });

  it('refuses a heading, a line or a question over its limit, naming the limit', () => {
    const over = (limit: number) => 'x'.repeat(limit + 1);
    expect(messagesOf({ heading: over(SCREEN_LIMITS.heading) })).toEqual([`heading: a screen heading of at most ${SCREEN_LIMITS.heading} characters, to read from the back of a room`]);
    expect(messagesOf({ heading: 'Fine', lines: ['short', over(SCREEN_LIMITS.line)] })).toEqual([`lines.1: a screen line of at most ${SCREEN_LIMITS.line} characters, to read from the back of a room`]);
    expect(messagesOf({ heading: 'Fine', question: over(SCREEN_LIMITS.question) })).toEqual([`question: a screen question of at most ${SCREEN_LIMITS.question} characters, to read from the back of a room`]);
    // Japanese counts characters too: 40 fit, 41 do not.
    expect(messagesOf({ heading: 'あ'.repeat(SCREEN_LIMITS.heading) })).toEqual([]);
    expect(messagesOf({ heading: 'あ'.repeat(SCREEN_LIMITS.heading + 1) }).join()).toContain(`at most ${SCREEN_LIMITS.heading} characters`);
  });

  it('refuses more than three lines', () => {
    expect(messagesOf({ heading: 'Too many', lines: ['1', '2', '3', '4'] })).toEqual([`lines: at most ${SCREEN_LIMITS.lines} lines on one screen`]);
  });

  it('refuses an unknown figure, listing the known ones', () => {
    expect(messagesOf({ heading: 'Fine', figure: 'pie-chart' })).toEqual([`figure: one of ${SCREEN_FIGURES.join(', ')}`]);
  });

  it('refuses a field a screen does not have, such as notes, showing the shape a screen takes', () => {
    expect(messagesOf({ heading: 'Fine', notes: ['Say this quietly'] })).toEqual([
      ': a screen written as { heading: …, lines: [ … ] } or { heading: …, question: … }, optionally with figure: …',
    ]);
  });
});

describe("the kit's modules", () => {
  const files = ['ja', 'en'].flatMap((locale) => readdirSync(`${projectRoot}content/modules/${locale}`).map((name) => `content/modules/${locale}/${name}`));
  const frontMatterOf = (file: string) => parseYaml(readFileSync(`${projectRoot}${file}`, 'utf8').split(/^---$/m)[1]!) as { blocks: { id: string; kind: string; screen?: unknown }[] };

  it.each(files)('%s: every screen validates, and so does the module', (file) => {
    const frontMatter = frontMatterOf(file);
    const screens = frontMatter.blocks.filter((block) => block.screen);
    expect(screens.length).toBeGreaterThan(0);
    for (const block of screens) expect({ block: block.id, problems: messagesOf(block.screen) }).toEqual({ block: block.id, problems: [] });
    expect(moduleSchema.safeParse(frontMatter).success).toBe(true);
  });

  it.each(files)('%s: every block outside the breaks has a screen', (file) => {
    const withoutScreen = frontMatterOf(file).blocks.filter((block) => block.kind !== 'break' && !block.screen).map((block) => block.id);
    expect(withoutScreen).toEqual([]);
  });
});
