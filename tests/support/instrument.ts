/** The site's survey instrument, and its archived earlier versions, read and validated as the build does, for tests that need their items. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { readInstrumentFile } from '../../src/lib/survey/instrument-file.ts';

const read = (path: string) => readInstrumentFile(new URL(`../../content/survey/${path}`, import.meta.url));

/** The current survey (content/survey/instrument.yaml). */
export const siteInstrument = read('instrument.yaml');
/** Version 1, archived unchanged (content/survey/versions/1.yaml): its codes, files and datasets must keep working. */
export const firstInstrument = read('versions/1.yaml');

/**
 * A real code of version 1 of the survey, made by the encoder as it was before version 2 (git db9a2f4), with the
 * 120-byte comment a version 1 code could carry. It must decode for as long as the kit reads version 1.
 */
export const REAL_V1_CODE =
  'BN1040QA0GA3CP3TKJZ0GGGPKA7A8PK4C1J6RPK2C88EDGPPXBJC4T34919S91S99H99S89S98999R10N09F3HR58Q3GATY70N4WE1V7RW1NVKVFD77QY9E70CCWE0SKRW1J3HR3AZ4QPZY70C8WE0SVRW1GVHR39Z3G6CY7042WTPA3RW1NVMSV8Q8NE3Y70D7WE083RW3M7HR7CZ3GE8E70XWWE0TXRW1JFHR5373G6ZE70D7WE0TXSXNHKMTH4Z3GA9EH0CYWE0RZRW1N13BXE6F';
