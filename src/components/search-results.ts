/**
 * Loaded on the first opening of the search dialog: fetches Pagefind from the site's own base path,
 * offers the kinds of page the index holds as filters, and renders results as plain DOM (no HTML from the index
 * is trusted except Pagefind's <mark> highlighting, which is rebuilt element by element).
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  /** view: which view of a workshop the page is ("Facilitator guide"), set by the module pages. */
  meta: { title?: string; view?: string };
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(
    term: string,
    options: { filters?: Record<string, string> },
    wait: number,
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
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
}

const MAX_RESULTS = 12;
const KIND_ORDER = ['module', 'exercise', 'guide', 'programme', 'page'];

/** Pagefind marks hits as <mark>…</mark> in otherwise escaped text; rebuild that safely. */
function renderExcerpt(excerpt: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const scratch = document.createElement('textarea');
  const decode = (text: string) => ((scratch.innerHTML = text), scratch.value);
  excerpt.split(/(<mark>.*?<\/mark>)/g).forEach((part) => {
    const hit = /^<mark>(.*)<\/mark>$/.exec(part);
    if (hit) {
      const mark = document.createElement('mark');
      mark.textContent = decode(hit[1]!);
      fragment.append(mark);
    } else if (part) fragment.append(decode(part));
  });
  return fragment;
}

export async function attachSearch(root: HTMLElement): Promise<void> {
  const strings = JSON.parse(root.dataset.strings!) as SearchStrings;
  const input = root.querySelector<HTMLInputElement>('[data-input]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  const filterSet = root.querySelector<HTMLFieldSetElement>('[data-filters]')!;
  const filterOptions = root.querySelector<HTMLElement>('[data-filter-options]')!;
  const stageSet = root.querySelector<HTMLFieldSetElement>('[data-stage-filters]')!;
  const stageOptions = root.querySelector<HTMLElement>('[data-stage-filter-options]')!;

  status.textContent = strings.loading;
  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${root.dataset.bundle}pagefind.js`)) as Pagefind;
    // Pagefind asks for its metadata with a timestamp so no stale copy is read from the HTTP cache. A page the
    // service worker controls gets the copy precached with the same build's index instead, offline too.
    const metaCacheTag = navigator.serviceWorker?.controller ? 'precached' : undefined;
    await pagefind.options({ baseUrl: root.dataset.base, excerptLength: 28, ...(metaCacheTag && { metaCacheTag }) });
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

  async function run() {
    const term = input.value.trim();
    if (!term) {
      list.replaceChildren();
      list.dataset.query = '';
      status.textContent = strings.typeToSearch;
      return;
    }
    // Pagefind keeps a page only when it has every filter given: a stage narrows the results to workshop pages for it.
    const filters = { ...(kind ? { kind } : {}), ...(stage ? { stage } : {}) };
    const search = await pagefind.debouncedSearch(term, { filters }, 180);
    if (search === null) return; // superseded by a newer keystroke
    const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    list.replaceChildren(
      ...results.map((result) => {
        const item = document.createElement('li');
        const link = Object.assign(document.createElement('a'), { href: result.url });
        const resultKind = result.filters.kind?.[0];
        if (resultKind) {
          const badge = Object.assign(document.createElement('span'), { className: 'kind', textContent: strings.kinds[resultKind] ?? resultKind });
          link.append(badge, ' ');
        }
        // A workshop's participant page and facilitator guide share a title: the view tells them apart.
        if (result.meta.view) {
          link.append(Object.assign(document.createElement('span'), { className: 'kind', textContent: result.meta.view }), ' ');
        }
        link.append(result.meta.title ?? result.url);
        const excerpt = document.createElement('p');
        excerpt.append(renderExcerpt(result.excerpt));
        item.append(link, excerpt);
        return item;
      }),
    );
    // Which query the list shows, so a reader (or a test) can tell fresh results from stale ones.
    list.dataset.query = term;
    status.textContent = search.results.length
      ? strings.resultCount.replace('{{count}}', String(search.results.length))
      : strings.noResults.replace('{{query}}', term);
  }

  input.addEventListener('input', () => void run());
  void run();
}
