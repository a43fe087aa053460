// What the browser tests share: where things are (from the environment CTest sets), the reports
// built from the examples' real data exactly as `make run` builds them, and Debian's Chromium.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const sourceDir = process.env.KAIZEN_SOURCE_DIR ?? path.resolve(here, '../..');
export const buildDir = process.env.KAIZEN_BUILD_DIR ?? path.join(sourceDir, 'build/release');
export const kaizen = process.env.KAIZEN_CLI ?? path.join(buildDir, 'kaizen');
export const screenshots = path.join(buildDir, 'browser-screenshots');
export const outDir = path.join(buildDir, 'browser-reports');

// The two examples with the "today" `make run` gives them (just after their last month).
export const examples = {
  'nhs-ae': { data: 'examples/nhs-ae/ae_type1.csv', indicators: 'examples/nhs-ae/indicators.toml',
              asOf: '2019-04-20' },
  infections: { data: 'examples/infections/infections.csv',
                indicators: 'examples/infections/indicators.toml', asOf: '2017-01-20' },
};

// Writes the example's report (`ext` html or pdf) into the build tree; returns its path.
export function buildReport(name, ext) {
  const e = examples[name];
  mkdirSync(outDir, { recursive: true });
  mkdirSync(screenshots, { recursive: true });
  const out = path.join(outDir, `${name}-report.${ext}`);
  execFileSync(kaizen, ['report', e.data, '--indicators', e.indicators, '-o', out, '--as-of',
                        e.asOf], { cwd: sourceDir, stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}

// Debian's Chromium (scripts/install-deps installs it); playwright never downloads a browser.
export function launch() {
  return chromium.launch({
    executablePath: process.env.KAIZEN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

// Runs a poppler-utils tool (pdfinfo, pdftotext, pdftoppm) and returns its standard output.
export function poppler(tool, args) {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
}

export function pdfPageCount(pdf) {
  return Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', [pdf]))[1]);
}

// The text of each page of `pdf`, in reading order (pdftotext separates pages with a form feed).
export function pdfPageTexts(pdf) {
  const pages = poppler('pdftotext', ['-layout', pdf, '-']).split('\f');
  if (pages.at(-1).trim() === '') pages.pop();
  return pages;
}

// Renders pages `first`..`last` of `pdf` to PNG files `<prefix>-<n>.png` under screenshots/.
export function pdfToPngs(pdf, prefix, first, last, dpi = 60) {
  poppler('pdftoppm', ['-png', '-r', String(dpi), '-f', String(first), '-l', String(last), pdf,
                       path.join(screenshots, prefix)]);
}
