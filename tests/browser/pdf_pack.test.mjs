// The PDF board pack (`kaizen report ... -o pack.pdf`, drawn by cairo and pango) as a board
// member reads it (issue 8, item 13): no two words on a page overlap (the figure strip's icons
// and captions, "December 2016" against the Target column), nothing runs past the page's
// margins or is cut short with an ellipsis, the pack never sends the reader to the HTML report,
// and each series keeps to one page. The word boxes are poppler's (pdftotext -bbox), so the
// check is of the PDF as drawn, not of kaizen's own layout arithmetic. Each page is saved as a
// PNG under build/<preset>/browser-screenshots/.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildReport, pdfPageCount, pdfPageTexts, pdfToPngs, poppler } from './support.mjs';

// Every page's words with their boxes, in PDF points.
function pdfWords(pdf) {
  const html = poppler('pdftotext', ['-bbox', pdf, '-']);
  const pages = [];
  for (const page of html.split('<page ').slice(1)) {
    const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(page);
    const words = [...page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
        .map(([, x0, y0, x1, y1, text]) => ({ x0: +x0, y0: +y0, x1: +x1, y1: +y1, text }));
    pages.push({ width: +width, height: +height, words });
  }
  return pages;
}

// Pairs of words whose glyphs overlap. poppler's box runs from the font's ascent to its
// descent, taller than the letters (DejaVu Sans: 1.16 em for a 0.73 em capital), so each box
// is trimmed by a fifth of its height top and bottom; then any overlap of more than half a
// point both ways is ink on ink.
function overlaps(words) {
  const found = [];
  const trim = (w) => {
    const cut = (w.y1 - w.y0) / 5;
    return { ...w, y0: w.y0 + cut, y1: w.y1 - cut };
  };
  const boxes = words.map(trim);
  for (let i = 0; i < boxes.length; ++i) {
    for (let j = i + 1; j < boxes.length; ++j) {
      const a = boxes[i], b = boxes[j];
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (dx > 0.5 && dy > 0.5) found.push(`"${a.text}" and "${b.text}" at ${a.x0.toFixed(0)},${a.y0.toFixed(0)}`);
    }
  }
  return found;
}

for (const [name, series] of [['nhs-ae', 15], ['infections', 18]]) {
  describe(`${name} PDF pack`, () => {
    const pdf = buildReport(name, 'pdf');
    const pages = pdfWords(pdf);
    const texts = pdfPageTexts(pdf);
    pdfToPngs(pdf, `${name}-pack`, 1, pages.length);

    test('no two words on a page overlap', () => {
      pages.forEach((page, k) => assert.deepEqual(overlaps(page.words), [], `page ${k + 1}`));
    });

    test('every word stays inside the page margins (30 px = 22.5 pt)', () => {
      const margin = 22.5;
      pages.forEach((page, k) => {
        for (const w of page.words) {
          assert.ok(w.x0 >= margin - 1 && w.x1 <= page.width - margin + 1,
                    `page ${k + 1}: "${w.text}" spans ${w.x0.toFixed(1)}..${w.x1.toFixed(1)} pt`);
        }
      });
    });

    test('nothing is cut short and the pack is self-contained', () => {
      texts.forEach((text, k) => {
        assert.doesNotMatch(text, /\u2026/, `page ${k + 1} has an ellipsis: text was cut`);
        assert.doesNotMatch(text, /HTML report/, `page ${k + 1}`);
      });
    });

    test('matrix, summary table, then one page per series', () => {
      // The matrix page, the table (15 or 18 rows of 38–52 px in the 640 px under its heading:
      // two pages), then each series on its own page with no continuation.
      const summaryPages = 3;
      assert.equal(pdfPageCount(pdf), summaryPages + series);
      assert.match(texts[0], /Hit or miss/);
      assert.match(texts[1], /Process limits/);
      assert.match(texts[2], /Process limits/);
      for (let k = summaryPages; k < texts.length; ++k) {
        assert.match(texts[k].trimStart(), /^(UEC|SAFE)-0\d /, `page ${k + 1}`);
        assert.doesNotMatch(texts[k], /\(continued\)/, `page ${k + 1}`);
      }
    });
  });
}
