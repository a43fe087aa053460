// The HTML board report as a board member sees it in Chromium (issue 8, item 14): nothing
// overflows its box at 1280 px (a laptop) or 390 px (a phone), the page never scrolls sideways
// on the phone, chart text stays at least 10 CSS px there, and printing gives a compact A4
// pack: the summary on two pages, then one series a page. Screenshots go to
// build/<preset>/browser-screenshots/ for a person to look at.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildReport, launch, pdfPageCount, pdfPageTexts, pdfToPngs, outDir, screenshots }
  from './support.mjs';

// What overflows: every laid-out element whose content is wider than its box (scrollWidth >
// clientWidth) or that reaches past the viewport's edges. Left out, because they are meant to
// clip or scroll: the visually hidden screen-reader text (.vh, the phone's table headings) and
// the data tables' own sideways-scrolling boxes (.table-scroll) with what is inside them.
function overflowsInPage() {
  const found = [];
  const clipped = (el) => el.closest('.vh, .table-scroll, #ipr thead');
  for (const el of document.querySelectorAll('body *')) {
    if (clipped(el) || el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;  // not displayed
    const what = `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ` +
                 `"${(el.textContent ?? '').trim().slice(0, 40)}"`;
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
      found.push(`${what}: content ${el.scrollWidth} px in a box of ${el.clientWidth} px`);
    }
    if (box.right > innerWidth + 0.5 || box.left < -0.5) {
      found.push(`${what}: spans ${Math.round(box.left)}..${Math.round(box.right)} px of ` +
                 `${innerWidth}`);
    }
  }
  return found;
}

// The smallest rendered size of chart text among the charts on show: the font size times the
// scale the SVG is drawn at (hypot of the matrix's first column, so rotated labels count too).
function smallestChartText() {
  let smallest = { size: Infinity, text: '' };
  for (const t of document.querySelectorAll('svg.chart text')) {
    const box = t.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const m = t.getScreenCTM();
    const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    if (size < smallest.size) smallest = { size, text: t.textContent };
  }
  return smallest;
}

// Chart text that runs past its chart's right or left edge (the SVG clips it): "label" at x..x.
function chartTextOutside() {
  const found = [];
  for (const svg of document.querySelectorAll('svg.chart')) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0) continue;
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.right > box.right + 1 || r.left < box.left - 1) {
        found.push(`"${t.textContent}" spans ${Math.round(r.left - box.left)}..` +
                   `${Math.round(r.right - box.left)} px of a ${Math.round(box.width)} px chart`);
      }
    }
  }
  return found;
}

for (const name of ['nhs-ae', 'infections']) {
  describe(`${name} board report in Chromium`, () => {
    let browser, html;
    before(async () => {
      html = buildReport(name, 'html');
      browser = await launch();
    });
    after(async () => browser?.close());

    for (const width of [1280, 390]) {
      test(`nothing overflows its box at ${width} px`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(`file://${html}`);
        await page.screenshot({ path: path.join(screenshots, `${name}-${width}.png`) });
        // The first series as the phone or laptop shows it.
        await page.locator('section.series').first().screenshot(
            { path: path.join(screenshots, `${name}-${width}-series.png`) });
        await page.locator('#ipr tbody tr').first().screenshot(
            { path: path.join(screenshots, `${name}-${width}-row.png`) });
        assert.deepEqual(await page.evaluate(overflowsInPage), []);
        assert.deepEqual(await page.evaluate(chartTextOutside), []);
        // The page itself never scrolls sideways.
        const scroll = await page.evaluate(() => document.scrollingElement.scrollWidth);
        assert.ok(scroll <= width, `the page is ${scroll} px wide in a ${width} px viewport`);
        if (width === 390) {
          const smallest = await page.evaluate(smallestChartText);
          assert.ok(smallest.size >= 10,
                    `chart text "${smallest.text}" is ${smallest.size.toFixed(1)} px on a phone`);
          // The table is a card per indicator: each cell shows its column's name.
          const label = await page.evaluate(() => getComputedStyle(
              document.querySelector('#ipr td'), '::before').content);
          assert.equal(label, '"Domain"');
        }
        await page.close();
      });
    }

    test('prints as a compact A4 pack: summary on two pages, then one series a page',
         async () => {
      const page = await browser.newPage();
      await page.goto(`file://${html}`);
      const headings = await page.$$eval('section.series h2', (hs) => hs.map((h) => h.textContent));
      const pdf = path.join(outDir, `${name}-print.pdf`);
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      await page.close();
      const pages = pdfPageTexts(pdf);
      // Page 1: the heading, the key and the matrix; page 2: the table (15 or 18 rows at 9 px);
      // then each series on exactly one page, in the report's order.
      const summaryPages = 2;
      assert.equal(pdfPageCount(pdf), summaryPages + headings.length);
      assert.match(pages[0], /Summary: each indicator's latest variation/);
      assert.match(pages[1], /Accountable/);
      const squash = (s) => s.replace(/\s+/g, ' ');
      headings.forEach((heading, i) => {
        const text = squash(pages[summaryPages + i]);
        assert.ok(text.startsWith(squash(heading)), `page ${summaryPages + i + 1}: ${text.slice(0, 80)}`);
      });
      pdfToPngs(pdf, `${name}-print`, 1, 4);
    });
  });
}
