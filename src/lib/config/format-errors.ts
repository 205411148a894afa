/**
 * Turns zod issues about the site configuration into messages an HR administrator can act on:
 * which key, what was received, what is expected, and where in the file to fix it.
 * Modelled on Starlight's friendly config errors (`utils/error-map.ts`).
 */
import type { z } from 'astro/zod';

/** Where a key's value sits in the source file, when known. */
export type LineOf = (path: readonly PropertyKey[]) => number | undefined;

export function describeReceived(value: unknown): string {
  if (value === undefined) return 'nothing (the key is missing)';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `"${value}" (text)`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${String(value)} (${typeof value === 'number' ? 'a number' : 'true/false'})`;
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  return 'a section of keys';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Edit distance, to suggest the key a typo meant. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previousDiagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previousDiagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      previousDiagonal = above;
    }
  }
  return row[b.length]!;
}

export function closestKey(typo: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(typo.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(typo.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function keyName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the whole file)';
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '');
}

/** Keys allowed at a path of the schema, read from the zod object shape, for typo suggestions. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const key of [...path, null]) {
    // Unwrap defaults, optionals and refinements until an object shape appears.
    for (let depth = 0; depth < 6; depth++) {
      const def = (current as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
      if (!def) break;
      if (def.type === 'object') break;
      current = def.innerType ?? def.in ?? def.schema ?? current;
      if (!(def.innerType ?? def.in ?? def.schema)) break;
    }
    const shape = (current as { shape?: Record<string, z.ZodType> })?.shape;
    if (!shape) return [];
    if (key === null) return Object.keys(shape);
    current = shape[String(key)];
  }
  return [];
}

export function formatConfigIssues(
  issues: readonly z.core.$ZodIssue[],
  options: { file: string; data: unknown; schema: z.ZodType; lineOf?: LineOf },
): string {
  const { file, data, schema, lineOf } = options;
  const blocks = issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      return issue.keys
        .map((key) => {
          const where = lineOf?.([...issue.path, key]);
          const suggestion = closestKey(key, known);
          const place = issue.path.length ? `in ${keyName(issue.path)}` : 'at the top level';
          return [
            `✖ ${keyName([...issue.path, key])}${where ? ` (line ${where})` : ''}`,
            `  Unknown key "${key}" ${place}.`,
            suggestion
              ? `  Fix: did you mean "${suggestion}"? Correct the spelling, or remove the key.`
              : `  Fix: remove it. Keys allowed here: ${known.join(', ')}.`,
          ].join('\n');
        })
        .join('\n\n');
    }
    const received = valueAt(data, issue.path);
    if (received === undefined) {
      const parent = issue.path.slice(0, -1);
      const parentLine = parent.length ? lineOf?.(parent) : undefined;
      return [
        `✖ ${keyName(issue.path)}`,
        `  Missing: this key is required.`,
        `  Expected: ${issue.message}.`,
        `  Fix: add ${keyName(issue.path)} to ${file}${parentLine ? ` inside ${keyName(parent)} (line ${parentLine})` : ''}.`,
      ].join('\n');
    }
    const where = lineOf?.(issue.path);
    return [
      `✖ ${keyName(issue.path)}${where ? ` (line ${where})` : ''}`,
      `  Received: ${describeReceived(received)}`,
      `  Expected: ${issue.message}.`,
      `  Fix: change ${keyName(issue.path)} in ${file}${where ? ` at line ${where}` : ''} to what is expected.`,
    ].join('\n');
  });
  const count = issues.length === 1 ? 'one problem' : `${issues.length} problems`;
  return `The site configuration ${file} has ${count}:\n\n${blocks.join('\n\n')}\n\nThe configuration guide (/ja/guides/configuration/) documents every key.`;
}
