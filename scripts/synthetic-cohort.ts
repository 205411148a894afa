/**
 * Writes a synthetic cohort's survey answers as JSON to stdout, drawn from the engagement model with known paths
 * (src/lib/stats/synthetic.ts explains the model), for demos of the facilitator dashboard and for tests.
 *
 *   node scripts/synthetic-cohort.ts [--people 200] [--seed 1] [--gain 0.4] [--after-share 0.8]
 *        [--code-share 0.85] [--missing 0.02] [--cohorts 2026-A,2026-B] [--instrument content/survey/instrument.yaml]
 *
 * Output: { "instrument": { "id", "version" }, "options": { …every option in force, with the path coefficients },
 *           "responses": [ { "wave": "before" | "after", "cohort", "role", "stage", "anonymousCode": string | null,
 *                            "answers": { "<item id>": 1–5 | null }, "evaluation": null | { "satisfaction",
 *                            "applicability", "recommend" } } ] }
 * Answers are raw: a reverse-keyed item is reported as answered, before reversal. Everyone answers "before"; the
 * "after" responses follow, one per person who answered again, in the same order of people. No real person's data.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { readInstrumentFile } from '../src/lib/survey/instrument-file.ts';
import { generateCohort } from '../src/lib/stats/synthetic.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    gain: { type: 'string' },
    'after-share': { type: 'string' },
    'code-share': { type: 'string' },
    missing: { type: 'string' },
    cohorts: { type: 'string' },
    instrument: { type: 'string', default: 'content/survey/instrument.yaml' },
  },
});

const number = (name: string, text: string | undefined) => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) {
    process.stderr.write(`--${name} needs a number, not "${text}"\n`);
    process.exit(2);
  }
  return value;
};

const instrument = readInstrumentFile(values.instrument);
const cohort = generateCohort(instrument, {
  people: number('people', values.people)!,
  seed: number('seed', values.seed)!,
  awarenessGain: number('gain', values.gain),
  afterShare: number('after-share', values['after-share']),
  codeShare: number('code-share', values['code-share']),
  missingShare: number('missing', values.missing),
  cohorts: values.cohorts?.split(','),
});
// One response a line: valid JSON that still diffs and greps well.
const head = JSON.stringify({ instrument: { id: instrument.id, version: instrument.version }, options: cohort.options });
process.stdout.write(`${head.slice(0, -1)},"responses":[\n${cohort.responses.map((response) => JSON.stringify(response)).join(',\n')}\n]}\n`);
