/** The web app manifest (https://www.w3.org/TR/appmanifest/): lets a phone or a desktop install the kit as an app. */
import { joinBase } from '../url/base.ts';

export interface WebAppManifestInput {
  /** The organisation's name in the default language. */
  name: string;
  description: string;
  lang: string;
  /** "/" or "/kit/". */
  base: string;
  accentColor: string;
  /** Site paths of square PNG icons and their sizes in pixels. */
  pngIcons: { path: string; size: number }[];
  /** Site path of the SVG icon, which scales to any size. */
  svgIcon: string;
}

export function webAppManifest(input: WebAppManifestInput) {
  return {
    name: input.name,
    // A home-screen label is cut after about twelve characters; the first word of a long name reads better.
    short_name: input.name.length > 12 ? input.name.split(/\s+/)[0]! : input.name,
    description: input.description,
    lang: input.lang,
    dir: 'ltr',
    start_url: joinBase(input.base, '/'),
    scope: joinBase(input.base, '/'),
    id: joinBase(input.base, '/'),
    display: 'standalone',
    theme_color: input.accentColor,
    background_color: '#ffffff',
    icons: [
      { src: joinBase(input.base, input.svgIcon), sizes: 'any', type: 'image/svg+xml' },
      ...input.pngIcons.map(({ path, size }) => ({ src: joinBase(input.base, path), sizes: `${size}x${size}`, type: 'image/png' })),
    ],
  };
}
