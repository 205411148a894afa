/**
 * Moves everything a strict Content Security Policy would block out of a built page, so the kit runs under
 * `script-src 'self'` and `style-src 'self'` with no hashes and no 'unsafe-inline':
 * - an inline `<script>` (Astro writes the small scripts that start its islands into every page that has one)
 *   becomes a same-origin file, loaded by a `<script src>` in the same place, so it runs at the same moment;
 * - an inline `<style>` element (Astro's island rule, the catalogue's generated filter rules) becomes a
 *   same-origin stylesheet linked in the same place;
 * - a `style` attribute (the organisation's accent colour, code highlighting, table alignment, Svelte's
 *   server-rendered widths and colours, and anything an organisation writes into its own MDX) becomes a class,
 *   and its declarations one rule of a stylesheet shared by the whole site. The rule is `!important` because an
 *   inline style outranks every ordinary rule in the page's stylesheets; the copy must too.
 * A hashed list of inline scripts could not be sent as a fixed header by a web server: the hashes change with
 * every build, while a policy of `'self'` stays the same and is what the deployment guide prints.
 *
 * Pure string work: reading and writing the files is src/integrations/inline-content.ts.
 */
import { createHash } from 'node:crypto';
import { parse, type HTMLElement } from 'node-html-parser';

/** A file the page now loads instead of inline text: its name (content-hashed) and content. */
export interface ExternalFile {
  name: string;
  content: string;
}

export interface ExternalisedPage {
  html: string;
  /** Scripts and stylesheets written out of this page. */
  files: ExternalFile[];
  /** Style attributes turned into classes: class name to the declarations it stands for. */
  styleClasses: Map<string, string>;
  /** What the policy would block and cannot be moved automatically: inline event handlers, javascript: links. */
  problems: string[];
}

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

/** Script types a browser runs; anything else (`application/json`, `importmap` aside) is a data block the policy ignores. */
const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href'];

export function styleClassName(declarations: string): string {
  return `bn-style-${shortHash(normaliseDeclarations(declarations))}`;
}

/**
 * Splits a style attribute's value into declarations, on semicolons outside parentheses and quotes
 * (`url(a;b)`, `content: ";"`), and trims the empty ones a trailing semicolon leaves.
 */
export function splitDeclarations(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (const char of value) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === ';' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part.includes(':'));
}

/** `color: #0E1116;` and `color:#0E1116` are the same style, so they share one class. */
function normaliseDeclarations(value: string): string {
  return splitDeclarations(value)
    .map((declaration) => {
      const colon = declaration.indexOf(':');
      const property = declaration.slice(0, colon).trim();
      // Custom properties are case-sensitive; standard ones are not.
      return `${property.startsWith('--') ? property : property.toLowerCase()}:${declaration.slice(colon + 1).trim()}`;
    })
    .join(';');
}

/** The stylesheet rule standing in for a style attribute. */
export function styleRule(className: string, declarations: string): string {
  const important = splitDeclarations(declarations).map((declaration) => (/!\s*important\s*$/i.test(declaration) ? declaration : `${declaration} !important`));
  return `.${className}{${important.join(';')}}`;
}

function tagOf(element: HTMLElement): string {
  const id = element.id ? `#${element.id}` : '';
  return `<${element.rawTagName.toLowerCase()}${id}>`;
}

/**
 * Takes a built page apart as described at the top. `assetsPath` is where the page loads the external files
 * from (the site's base plus its assets folder, e.g. `/kit/_banso/`).
 */
export function externaliseInlineContent(html: string, assetsPath: string): ExternalisedPage {
  const root = parse(html, { comment: true, blockTextElements: { script: true, style: true } });
  const files: ExternalFile[] = [];
  const styleClasses = new Map<string, string>();
  const problems: string[] = [];

  for (const script of root.querySelectorAll('script')) {
    if (script.hasAttribute('src')) continue;
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (!EXECUTABLE.has(type)) continue;
    const content = script.rawText;
    const name = `inline.${shortHash(content)}.js`;
    files.push({ name, content });
    script.set_content('');
    script.setAttribute('src', `${assetsPath}${name}`);
  }

  for (const style of root.querySelectorAll('style')) {
    const content = style.rawText;
    const name = `inline.${shortHash(content)}.css`;
    files.push({ name, content });
    const link = parse(`<link rel="stylesheet" href="${assetsPath}${name}">`).firstChild as HTMLElement;
    const media = style.getAttribute('media');
    if (media) link.setAttribute('media', media);
    style.replaceWith(link);
  }

  for (const element of root.querySelectorAll('[style]')) {
    const declarations = element.getAttribute('style') ?? '';
    element.removeAttribute('style');
    if (splitDeclarations(declarations).length === 0) continue;
    const className = styleClassName(declarations);
    styleClasses.set(className, normaliseDeclarations(declarations));
    element.classList.add(className);
  }

  for (const element of root.querySelectorAll('*')) {
    for (const name of Object.keys(element.attributes)) {
      const lower = name.toLowerCase();
      if (/^on[a-z]+$/.test(lower)) problems.push(`${tagOf(element)} has an inline event handler (${name}="…"); the policy blocks it. Use a script file.`);
      else if (URL_ATTRIBUTES.includes(lower) && /^\s*javascript:/i.test(element.getAttribute(name) ?? '')) {
        problems.push(`${tagOf(element)} has a javascript: link (${name}); the policy blocks it. Use a button with a script file.`);
      }
    }
  }

  return { html: root.toString(), files, styleClasses, problems };
}

/** The site-wide stylesheet for every style attribute moved into a class, in a stable order. */
export function styleClassSheet(styleClasses: Map<string, string>): string {
  return [...styleClasses.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([className, declarations]) => styleRule(className, declarations))
    .join('\n');
}

/** Links the shared stylesheet from a page that uses it, last in its head so it follows the page's own styles. */
export function linkStyleClassSheet(html: string, href: string): string {
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('The page has no </head> to link the stylesheet of its style attributes in.');
  return `${html.slice(0, at)}<link rel="stylesheet" href="${href}">${html.slice(at)}`;
}

export const styleClassSheetName = (sheet: string) => `attributes.${shortHash(sheet)}.css`;

/**
 * Joins the stylesheets a page links in its head into one file, in their order, so the page waits for one
 * render-blocking request instead of one per component (moving Astro's small inline styles into files had made
 * that up to seven on an island page). The cascade is unchanged: rules keep their order, and each sheet's
 * `@layer` statements come where they came before. `read` gives a stylesheet's text from its href; a page whose
 * head links one sheet or none is left alone. Returns the page and the combined file, if any.
 */
export function combineHeadStylesheets(html: string, assetsPath: string, read: (href: string) => string): { html: string; file?: ExternalFile; joined?: string[] } {
  const root = parse(html, { comment: true, blockTextElements: { script: true, style: true } });
  const head = root.querySelector('head');
  const links = head?.querySelectorAll('link[rel="stylesheet"]').filter((link) => !link.hasAttribute('media') && link.getAttribute('href')?.startsWith(assetsPath)) ?? [];
  if (links.length < 2) return { html };
  // A stylesheet may open with @charset, which is only valid as a file's first rule; the files are UTF-8 anyway.
  const content = links.map((link) => read(link.getAttribute('href')!).replace(/^@charset "[^"]*";\s*/i, '')).join('\n');
  const file = { name: `styles.${shortHash(content)}.css`, content };
  const joined = links.map((link) => link.getAttribute('href')!);
  links[0]!.setAttribute('href', `${assetsPath}${file.name}`);
  for (const link of links.slice(1)) link.remove();
  return { html: root.toString(), file, joined };
}
