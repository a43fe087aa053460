#!/usr/bin/env python3
"""Writes ae_wide.xlsx: the A&E extract as an analyst's Excel export, one row per indicator and
trust and one column per month, the header cells dates formatted "mmm-yy" (shown Apr-16,
stored as Excel serials), the % seen within 4 hours in cells formatted as percentages.

Usage: make_wide_xlsx.py /work/shared/data/ae_attendances.csv ae_wide.xlsx
Standard library only (zipfile): openpyxl is not a Debian 12 dependency of the project.
"""
import csv
import datetime
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TRUSTS = ["RF4", "R1H"]


def months():
    """April 2016 to March 2019, the 36 months of the extract."""
    y, m = 2016, 4
    for _ in range(36):
        yield datetime.date(y, m, 1)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def serial(day):
    return (day - datetime.date(1899, 12, 30)).days  # Excel's 1900 system, after 1 March 1900


def column(i):
    """Excel column letters of 0-based column i."""
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def text_cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def number_cell(ref, value, style=0):
    s = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{s}><v>{value}</v></c>'


def main(extract, out):
    type1 = {}
    with open(extract, newline="") as f:
        for row in csv.DictReader(f):
            if row["type"] == "1" and row["org_code"] in TRUSTS:
                type1[(row["org_code"], row["period"])] = (int(row["attendances"]),
                                                           int(row["breaches"]))
    periods = list(months())
    rows = []
    header = [text_cell("A1", "indicator"), text_cell("B1", "organisation")]
    for j, p in enumerate(periods):
        header.append(number_cell(f"{column(j + 2)}1", serial(p), style=1))
    rows.append(header)
    for indicator in ["attendances", "seen-4h"]:
        for trust in TRUSTS:
            r = len(rows) + 1
            cells = [text_cell(f"A{r}", indicator), text_cell(f"B{r}", trust)]
            for j, p in enumerate(periods):
                a, b = type1[(trust, p.isoformat())]
                ref = f"{column(j + 2)}{r}"
                if indicator == "attendances":
                    cells.append(number_cell(ref, a))
                else:  # a fraction, shown as a percentage with two decimals: 0.8139 is 81.39%
                    cells.append(number_cell(ref, round((a - b) / a, 4), style=2))
            rows.append(cells)
    sheet = "".join(f'<row r="{i + 1}">{"".join(c)}</row>' for i, c in enumerate(rows))
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0"?><Types '
            'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml":
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
            '<sheets><sheet name="A&amp;E" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8"?><Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>',
        # Built-in number formats (ECMA-376 Part 1, 18.8.30): 17 is mmm-yy, 10 is 0.00%.
        "xl/styles.xml":
            f'<?xml version="1.0"?><styleSheet xmlns="{MAIN}"><cellXfs count="3">'
            '<xf numFmtId="0"/><xf numFmtId="17" applyNumberFormat="1"/>'
            '<xf numFmtId="10" applyNumberFormat="1"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml":
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
            f"{sheet}</sheetData></worksheet>",
    }
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))  # reproducible bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
