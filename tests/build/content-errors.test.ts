/**
 * Wrong workshop content stops the build with a message that names the file, the key and the fix;
 * a module written in one language only is published in the other with a visible notice.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { buildContentVariant, editFile } from '../support/content-variant.ts';
import { projectRoot } from '../support/sites.ts';

interface Block {
  id: string;
  kind: string;
  minutes: number;
  range?: { min: number; max: number };
  instructions: string[];
  talkMinutes?: number;
}

/**
 * Changes a module's front-matter as data, whatever the module's current wording, and writes it back.
 * The tests pick their blocks by shape (the first timed block, a block without a range), not by name.
 */
function editFrontMatter(file: string, change: (data: { blocks: Block[]; absorbOverrunsIn?: string[] }) => void) {
  const [, yaml, ...body] = readFileSync(file, 'utf8').split(/^---$/m);
  const data = parseYaml(yaml!);
  change(data);
  writeFileSync(file, `---\n${stringifyYaml(data, { lineWidth: 0 })}---${body.join('---')}`);
}

const TIME_FIGURE = /\s*[(（][0-9]+\s*(?:min(?:\s+[0-9]+\s*s)?|分(?:[0-9]+秒)?)[)）]/;
const timedBlocks = (blocks: Block[]) => blocks.filter((block) => block.kind !== 'break' && block.instructions.length >= 2);

function failingBuild(change: (contentDir: string) => void): string {
  const build = buildContentVariant('broken-content', change);
  expect(build.ok).toBe(false);
  expect(existsSync(`${build.outDir}/index.html`)).toBe(false);
  return build.output;
}

describe('build with wrong workshop content', () => {
  it('names the module file, durationMinutes and the fix when minutes do not add up', () => {
    const total = Number(/^durationMinutes: (\d+)$/m.exec(readFileSync(`${projectRoot}content/modules/en/people-manager.mdx`, 'utf8'))![1]);
    const output = failingBuild((dir) => editFile(`${dir}/modules/en/people-manager.mdx`, /^durationMinutes: \d+$/m, `durationMinutes: ${total - 10}`));
    expect(output).toContain('modules/en/people-manager.mdx');
    expect(output).toContain('durationMinutes');
    expect(output).toContain(`= ${total}) to equal durationMinutes (${total - 10}). Fix: change durationMinutes to ${total}`);
  });

  it('names the block key path for a wrong kind', () => {
    const output = failingBuild((dir) => editFile(`${dir}/modules/ja/people-manager.mdx`, /^    kind: talk$/m, '    kind: lecture'));
    expect(output).toContain('modules/ja/people-manager.mdx');
    expect(output).toMatch(/blocks\.0\.kind|blocks\[0\]\.kind/);
    expect(output).toContain('one of talk, individual, pairs, small-groups, plenary, break');
  });

  it('names an unknown exercise and lists the ones that exist', () => {
    // Renamed everywhere in the front-matter, so the per-file schema passes and the cross-file check speaks.
    const output = failingBuild((dir) => editFile(`${dir}/modules/en/people-manager.mdx`, /assignment-meaning(?=[,\s\]])/g, 'assignment-meanings'));
    expect(output).toContain('content/modules/en/people-manager.mdx → exercises[0]: no exercise "assignment-meanings" exists in content/exercises/en/');
    expect(output).toContain('Fix: use one of:');
  });

  it('names a module missing in one language and both fixes', () => {
    const output = failingBuild((dir) => rmSync(`${dir}/modules/en/people-manager.mdx`));
    expect(output).toContain('module "people-manager" has no en version');
    expect(output).toContain('set singleLanguage: true');
  });
});

describe('build with step times that do not add up', () => {
  it('names the untimed step of a partly timed block, and a block with no times at all', () => {
    let mixed = '';
    let untimed = '';
    const output = failingBuild((dir) =>
      editFrontMatter(`${dir}/modules/en/people-manager.mdx`, (data) => {
        const [first, second] = timedBlocks(data.blocks);
        mixed = first!.id;
        first!.instructions[1] = first!.instructions[1]!.replace(TIME_FIGURE, '');
        untimed = second!.id;
        second!.instructions = second!.instructions.map((step) => step.replace(TIME_FIGURE, ''));
      }),
    );
    expect(output).toContain('modules/en/people-manager.mdx');
    expect(output).toMatch(new RegExp(`blocks\\.\\d+\\.instructions\\.1: block "${mixed}": instruction 2 ".+" states no time while the others do\\. Fix: add its time, such as "\\(3 min\\)"`));
    expect(output).toContain(`block "${untimed}": no instruction states its time. Fix: end each instruction with its time`);
  });

  it('gives the figures and the fix when the steps, talk and moving do not make the block\'s minutes', () => {
    let block: Block | undefined;
    const output = failingBuild((dir) =>
      editFrontMatter(`${dir}/modules/ja/people-manager.mdx`, (data) => {
        block = timedBlocks(data.blocks)[0]!;
        block.talkMinutes = (block.talkMinutes ?? 0) + 2;
      }),
    );
    expect(output).toContain('modules/ja/people-manager.mdx');
    expect(output).toMatch(new RegExp(`blocks\\.\\d+\\.minutes: block "${block!.id}": the steps \\(.+\\) plus talkMinutes \\(${block!.talkMinutes}\\) plus transitionMinutes \\(\\d+\\) come to ${block!.minutes + 2} min, but minutes is ${block!.minutes}\\.`));
    expect(output).toContain('Fix: shorten the steps, talkMinutes or transitionMinutes by 2 min');
  });

  it('accepts in absorbOverrunsIn only blocks that exist and have a range', () => {
    let fixed = '';
    const output = failingBuild((dir) =>
      editFrontMatter(`${dir}/modules/en/people-manager.mdx`, (data) => {
        fixed = data.blocks.find((block) => !block.range && block.kind !== 'break')!.id;
        data.absorbOverrunsIn = [fixed, 'no-such-block'];
      }),
    );
    expect(output).toContain(`absorbOverrunsIn.0: a flexible block; "${fixed}" has no range, so it cannot be shortened. Fix: give it a range`);
    expect(output).toContain('absorbOverrunsIn.1: the id of a block in this module; there is no block "no-such-block". Fix: use one of the blocks with a range:');
  });
});

describe('build with a single-language module', () => {
  it('publishes it in the other language with a visible notice and the content marked as Japanese', () => {
    const build = buildContentVariant('single-language', (dir) => {
      rmSync(`${dir}/modules/en/people-manager.mdx`);
      editFile(`${dir}/modules/ja/people-manager.mdx`, /^(durationMinutes: \d+)$/m, '$1\nsingleLanguage: true');
    });
    expect(build.output).not.toContain('[ERROR]');
    expect(build.ok).toBe(true);
    const html = readFileSync(`${build.outDir}/en/modules/people-manager/index.html`, 'utf8');
    // The notice is English inside a Japanese article, so it carries its own language for screen readers.
    expect(html).toContain('<p class="bn-notice" role="note" lang="en">This workshop has not been translated into English yet, so it is shown in 日本語.</p>');
    expect(html).toMatch(/<html lang="en"/);
    expect(html).toMatch(/<article class="bn-prose bn-module"[^>]* lang="ja"/);
  });
});

describe('build with a wrong career stage', () => {
  it('names a module whose audience is not a stage of the model, and the stages that exist', () => {
    const output = failingBuild((dir) => editFile(`${dir}/modules/en/early-career.mdx`, /^audience: early-career$/m, 'audience: young-staff'));
    expect(output).toContain('content/modules/en/early-career.mdx → audience: "young-staff" is not a career stage of content/stages.yaml.');
    expect(output).toContain('Fix: use one of: first-years, early-career, mid-career, veteran, late-career, people-managers.');
  });

  it('names an exercise that suits an unknown stage, and the survey naming one', () => {
    const exercise = failingBuild((dir) => editFile(`${dir}/exercises/ja/strengths-map.yaml`, /^stages: \[early-career,/m, 'stages: [early-careers,'));
    expect(exercise).toContain('content/exercises/ja/strengths-map.yaml → stages names the career stage "early-careers", which content/stages.yaml does not define.');
    expect(exercise).toContain('Use one of: first-years, early-career, mid-career, veteran, late-career.');
    const survey = failingBuild((dir) => editFile(`${dir}/survey/instrument.yaml`, /^  - \{ stage: veteran \}$/m, '  - { stage: veterans }'));
    expect(survey).toContain('content/survey/instrument.yaml → careerStages[3].stage: "veterans" is not a stage of content/stages.yaml.');
    expect(survey).toContain('use one of: first-years, early-career, mid-career, veteran, late-career');
  });

  it('names a stage written in one language only', () => {
    const output = failingBuild((dir) => editFile(`${dir}/stages.yaml`, /^  name: \{ ja: ベテラン期, en: Experienced professionals \}$/m, '  name: { ja: ベテラン期 }'));
    expect(output).toContain('stages → veteran');
    expect(output).toContain('the stage name in English');
  });
});
