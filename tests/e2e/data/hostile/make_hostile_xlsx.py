#!/usr/bin/env python3
"""Writes the hostile .xlsx inputs of bad_inputs.txt (issue 14), with the standard library only:

  xlsx_number_period.xlsx  a period cell holding the plain number 44562 (no date format): refused
                           at its cell, not read as a date serial (bad_date)
  xlsx_percent_cell.xlsx   a value cell formatted 0% (shown 90%, stored 0.9) for an indicator with
                           no unit "%": refused at its cell (percent_value)
  xlsx_zip_bomb.xlsx       a sheet of 4 MiB of spaces, deflated to a few KB: refused once it has
                           inflated more than 200 times past 1 MiB (over_limit)
  not_a_workbook.xlsx      text, not a zip archive (bad_workbook)

Usage: python3 tests/e2e/data/hostile/make_hostile_xlsx.py tests/e2e/data/hostile
"""
import os
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def workbook(path, sheet_rows, styles_xfs='<xf numFmtId="0"/>', padding=""):
    """A one-sheet workbook; sheet_rows is the XML of the <row> elements."""
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/></Types>',
        "_rels/.rels":
            f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" '
            f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml":
            f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" '
            f'Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
            f'Type="{REL}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml":
            f'<?xml version="1.0"?><styleSheet xmlns="{MAIN}"><cellXfs>{styles_xfs}</cellXfs>'
            '</styleSheet>',
        "xl/worksheets/sheet1.xml":
            f'<?xml version="1.0"?><worksheet xmlns="{MAIN}">{padding}<sheetData>{sheet_rows}'
            '</sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 12, 2, 0, 0, 0))  # reproducible bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content)


def text(ref, value):
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def number(ref, value, style=0):
    return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'


HEADER = ('<row r="1">' + text("A1", "indicator") + text("B1", "organisation") +
          text("C1", "period") + text("D1", "value") + '</row>')


def main(out):
    workbook(os.path.join(out, "xlsx_number_period.xlsx"),
             HEADER + '<row r="2">' + text("A2", "falls") + text("B2", "RF4") +
             number("C2", 44562) + number("D2", 3) + '</row>')
    # numFmtId 9 is the built-in "0%" (ECMA-376 Part 1, 18.8.30).
    workbook(os.path.join(out, "xlsx_percent_cell.xlsx"),
             HEADER + '<row r="2">' + text("A2", "falls") + text("B2", "RF4") +
             text("C2", "2024-01-01") + number("D2", 0.9, style=1) + '</row>',
             styles_xfs='<xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/>')
    workbook(os.path.join(out, "xlsx_zip_bomb.xlsx"), HEADER,
             padding=" " * (4 << 20))
    with open(os.path.join(out, "not_a_workbook.xlsx"), "w") as f:
        f.write("indicator,organisation,period,value\nfalls,RF4,2024-01-01,3\n")


if __name__ == "__main__":
    main(sys.argv[1])
