/**
 * Loaded on the first opening of the search dialog: fetches Pagefind from the site's own base path,
 * offers the kinds of page the index holds as filters, and renders results as plain DOM: text nodes and <mark>
 * elements built from the words of the page, never HTML.
 *
 * A result's title and excerpt come from one window of its page's text (src/lib/search/passages.ts, about 1.5 KB),
 * not from its Pagefind fragment, which holds the whole page (a facilitator guide's is 30-50 KB compressed). Only the
 * results a phone shows without scrolling are fetched with the search; the rest come a batch at a time, when the
 * person asks ("Show more results") or scrolls to the end of the list. The count always covers every result.
 */
import { fill } from '../lib/i18n/fill.ts';
import { EXCERPT_WORDS, excerptRegion, fragmentPassage, passageExcerpt, passageIndex, type FragmentData, type Passage } from '../lib/search/passages.ts';

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(term: string, options: { filters?: Record<string, string> }, wait: number): Promise<{ results: PagefindResult[] } | null>;
}
/** A hit as search() returns it: data() fetches the page's fragment. */
interface PagefindResult {
  /** The fragment's name, which also names the page's passages. */
  id: string;
  /** Where the matched words are in the page, counted as Pagefind counts words. */
  words: number[];
  data(): Promise<FragmentData>;
}
interface SearchStrings {
  loading: string;
  typeToSearch: string;
  noResults: string;
  resultCount: string;
  unavailable: string;
  filterAll: string;
  /** Stage names in the stage model's order, as workshop pages give them to the "stage" filter. */
  stages: string[];
  kinds: Record<string, string>;
  /** "Showing {{shown}} of {{count}} results.", announced when more results have been added. */
  showing: string;
}

/**
 * Results fetched with the search. On a 390 px phone the search field and the filters fill the dialog's first screen
 * and a screen of results holds three or four; on a desktop two or three show below the filters. The next batch
 * loads when the person scrolls to the end of these.
 */
const FIRST_RESULTS = 4;
/** Results added each time more are asked for. */
const MORE_RESULTS = 8;
const KIND_ORDER = ['module', 'exercise', 'guide', 'programme', 'page'];

export async function attachSearch(root: HTMLElement): Promise<void> {
  const strings = JSON.parse(root.dataset.strings!) as SearchStrings;
  const input = root.querySelector<HTMLInputElement>('[data-input]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
  const dialog = root.querySelector('dialog')!;
  const filterSet = root.querySelector<HTMLFieldSetElement>('[data-filters]')!;
  const filterOptions = root.querySelector<HTMLElement>('[data-filter-options]')!;
  const stageSet = root.querySelector<HTMLFieldSetElement>('[data-stage-filters]')!;
  const stageOptions = root.querySelector<HTMLElement>('[data-stage-filter-options]')!;

  status.textContent = strings.loading;
  let pagefind: Pagefind;
  let usePassages = true;
  try {
    pagefind = (await import(/* @vite-ignore */ `${root.dataset.bundle}pagefind.js`)) as Pagefind;
    // Pagefind asks for its metadata with a timestamp so no stale copy is read from the HTTP cache. A page the
    // service worker controls gets the copy precached with the same build's index instead, offline too.
    const metaCacheTag = navigator.serviceWorker?.controller ? 'precached' : undefined;
    // Passages save downloading whole pages' text; under the service worker the fragments are on the device already.
    usePassages = !metaCacheTag;
    // noWorker: Pagefind's web worker is a second 43 KB copy of its search code, downloaded on top of
    // pagefind.js. With one language's index at about 70 pages a search takes a few milliseconds, so the main thread
    // runs it and the first search downloads a third less.
    await pagefind.options({ noWorker: true, ...(metaCacheTag && { metaCacheTag }) });
    await pagefind.init();
  } catch {
    status.textContent = strings.unavailable;
    return;
  }

  let kind = '';
  let stage = '';
  const available = await pagefind.filters();
  const kindCounts = available.kind ?? {};
  const kinds = KIND_ORDER.filter((k) => (kindCounts[k] ?? 0) > 0);
  // Stages in the model's order; a name the dialog does not know (a page built from other content) goes last.
  const stageCounts = available.stage ?? {};
  const stages = [...strings.stages, ...Object.keys(stageCounts).filter((name) => !strings.stages.includes(name))].filter((name) => (stageCounts[name] ?? 0) > 0);

  /** One radio group of chips: "All" first, then the values; choosing one runs the search again. */
  function addChoices(container: HTMLElement, name: string, values: string[], labelOf: (value: string) => string, choose: (value: string) => void) {
    for (const value of ['', ...values]) {
      const label = document.createElement('label');
      label.className = 'bn-chip';
      const radio = Object.assign(document.createElement('input'), { type: 'radio', name, value, checked: value === '' });
      radio.addEventListener('change', () => {
        choose(value);
        void run();
      });
      label.append(radio, value ? labelOf(value) : strings.filterAll);
      container.append(label);
    }
  }
  if (kinds.length > 1) {
    addChoices(filterOptions, 'bn-search-kind', kinds, (value) => strings.kinds[value] ?? value, (value) => (kind = value));
    filterSet.hidden = false;
  }
  if (stages.length > 0) {
    addChoices(stageOptions, 'bn-search-stage', stages, (value) => value, (value) => (stage = value));
    stageSet.hidden = false;
  }

  /** The search whose results the list shows; a newer search (another keystroke or filter) replaces it. */
  let current: { results: PagefindResult[]; shown: number; loading: boolean } | undefined;

  /** The window of the result's page that holds its excerpt; the whole page, from its fragment, if that fails. */
  async function passageOf(result: PagefindResult, start: number): Promise<Passage> {
    if (usePassages) {
      try {
        const response = await fetch(`${root.dataset.bundle}passage/${result.id}/${passageIndex(start)}.passage`);
        if (response.ok) return (await new Response(response.body!.pipeThrough(new DecompressionStream('gzip'))).json()) as Passage;
      } catch {
        // A host that does not serve the passages, or the network gone: the fragment has everything, only larger.
      }
    }
    return fragmentPassage(await result.data());
  }

  async function resultItem(result: PagefindResult): Promise<HTMLLIElement> {
    const start = excerptRegion(result.words, EXCERPT_WORDS);
    const passage = await passageOf(result, start);
    const item = document.createElement('li');
    const link = Object.assign(document.createElement('a'), { href: `${root.dataset.base}/${passage.url}`.replace(/\/+/g, '/') });
    const resultKind = passage.filters.kind?.[0];
    if (resultKind) {
      const badge = Object.assign(document.createElement('span'), { className: 'kind', textContent: strings.kinds[resultKind] ?? resultKind });
      link.append(badge, ' ');
    }
    // A workshop's participant page and facilitator guide share a title: the view tells them apart.
    if (passage.meta.view) {
      link.append(Object.assign(document.createElement('span'), { className: 'kind', textContent: passage.meta.view }), ' ');
    }
    link.append(passage.meta.title ?? passage.url);
    const excerpt = document.createElement('p');
    passageExcerpt(passage, start, EXCERPT_WORDS, result.words).forEach(([word, matched], index) => {
      excerpt.append(index ? passage.joiner : '', matched ? Object.assign(document.createElement('mark'), { textContent: word }) : word);
    });
    item.append(link, excerpt);
    return item;
  }

  /** The next `count` results; undefined when a newer search replaced this one meanwhile. */
  async function nextItems(search: NonNullable<typeof current>, count: number): Promise<HTMLLIElement[] | undefined> {
    search.loading = true;
    const items = await Promise.all(search.results.slice(search.shown, search.shown + count).map(resultItem));
    search.loading = false;
    if (search !== current) return undefined;
    search.shown += items.length;
    more.hidden = search.shown >= search.results.length;
    return items;
  }

  async function showMore(moveFocus: boolean) {
    const search = current;
    if (!search || search.loading || search.shown >= search.results.length) return;
    const items = await nextItems(search, MORE_RESULTS);
    if (!items) return;
    list.append(...items);
    status.textContent = fill(strings.showing, { shown: search.shown, count: search.results.length });
    // The button the person pressed may be gone (everything shown): the first new result is where they read on.
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }
  // Moving focus (Tab through the results, or to the first new one) scrolls the dialog to the focused element; that
  // is not the person scrolling to the end, so it loads nothing: Enter on the button is theirs to press.
  let focusScrolling = false;
  dialog.addEventListener('focusin', () => {
    focusScrolling = true;
    requestAnimationFrame(() => requestAnimationFrame(() => (focusScrolling = false)));
  });
  more.addEventListener('click', () => void showMore(true));
  // Scrolling the dialog to the end of the list loads the next batch as well. Only a scroll counts: when the button
  // is in view as soon as the results appear (a tall window), nothing more is fetched until the person asks; nor
  // does a scroll that focus caused (above).
  dialog.addEventListener(
    'scroll',
    () => {
      if (more.hidden || focusScrolling || document.activeElement === more) return;
      if (more.getBoundingClientRect().top < dialog.getBoundingClientRect().bottom) void showMore(false);
    },
    { passive: true },
  );

  async function run() {
    const term = input.value.trim();
    if (!term) {
      current = undefined;
      list.replaceChildren();
      more.hidden = true;
      list.dataset.query = '';
      status.textContent = strings.typeToSearch;
      return;
    }
    // Pagefind keeps a page only when it has every filter given: a stage narrows the results to workshop pages for it.
    const filters = { ...(kind ? { kind } : {}), ...(stage ? { stage } : {}) };
    const search = await pagefind.debouncedSearch(term, { filters }, 180);
    if (search === null) return; // superseded by a newer keystroke
    const shown = (current = { results: search.results, shown: 0, loading: false });
    const items = await nextItems(shown, FIRST_RESULTS);
    if (!items) return;
    list.replaceChildren(...items);
    // Which query the list shows, so a reader (or a test) can tell fresh results from stale ones.
    list.dataset.query = term;
    status.textContent = search.results.length
      ? fill(strings.resultCount, { count: search.results.length })
      : fill(strings.noResults, { query: term });
  }

  input.addEventListener('input', () => void run());
  void run();
}
