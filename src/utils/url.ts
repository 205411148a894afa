/** The one place pages and components turn a site path into a URL under the configured base. */
import { joinBase } from '../lib/url/base.ts';

export function url(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}
