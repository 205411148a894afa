/**
 * Large, read-only data a page hands to its scripts and islands as a JSON data block
 * (`<script type="application/json">`), instead of as island props.
 *
 * Why: Astro serialises island props into an attribute in its own tagged format, which the browser revives value
 * by value, and the Svelte renderer then wraps the props in deep reactive state, so every later read of a survey
 * or a string goes through a proxy. For the dashboard's 80 KB of surveys and strings that cost about 250 ms on a
 * mid-range phone before the first screen. A data block is parsed once by `JSON.parse` and stays a plain object.
 * It is not a script the browser runs, so the strict Content Security Policy allows it without a hash.
 */

/** JSON safe to place inside a `<script>` element: no `<` can close it or open a comment. */
export function serialisePageData(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

/** Reads the data block with this id, written by `PageData.astro`. */
export function readPageData<T>(id: string): T {
  const element = document.getElementById(id);
  if (!element || element.getAttribute('type') !== 'application/json') throw new Error(`The page has no data block #${id}.`);
  return JSON.parse(element.textContent ?? '') as T;
}
