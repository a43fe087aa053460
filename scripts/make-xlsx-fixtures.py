#!/usr/bin/env python3
"""Writes the seed workbooks of the .xlsx fuzzer (fuzz/seeds/xlsx_reader_fuzz/).

Each is a minimal SpreadsheetML package (ECMA-376 Part 1) exercising what the reader handles:
shared and rich-text strings, inline strings, booleans, skipped columns, rows without
references, built-in and custom date formats and the 1904 date system. One copy is stored
uncompressed so that the fuzzer's mutations reach the XML. Usage: scripts/make-xlsx-fixtures.py
"""
import pathlib
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def workbook(date1904):
    return (f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><workbookPr date1904="{int(date1904)}"/>'
            '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/>'
            '<sheet name="Notes" sheetId="2" r:id="rId2"/></sheets></workbook>')


RELS = (f'<Relationships xmlns="{PKG}">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>')
SHARED = (f'<sst xmlns="{MAIN}"><si><t>indicator</t></si><si><r><t>per</t></r><r><rPr><b/></rPr>'
          '<t>iod</t></r></si><si><t>value</t></si></sst>')
STYLES = (f'<styleSheet xmlns="{MAIN}"><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
          '</numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>'
          '</styleSheet>')
SHEET1 = (f'<worksheet xmlns="{MAIN}"><sheetData>'
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c>'
          '<c r="D1" t="s"><v>2</v></c></row>'
          '<row r="2"><c r="A2" t="inlineStr"><is><t>ae</t></is></c><c r="B2" t="b"><v>1</v></c>'
          '<c r="C2" s="1"><v>44621</v></c><c r="D2"><v>71.5</v></c></row>'
          '<row r="4"><c r="A4" t="inlineStr"><is><t>ae</t></is></c><c r="C4" s="2"><v>60</v></c>'
          '<c r="AA4" t="e"><v>#N/A</v></c></row>'
          '<row><c><v>1.5</v></c></row></sheetData></worksheet>')
SHEET2 = (f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>notes'
          '</t></is></c></row></sheetData></worksheet>')


def write(path, date1904, compression):
    parts = {
        "xl/workbook.xml": workbook(date1904),
        "xl/_rels/workbook.xml.rels": RELS,
        "xl/sharedStrings.xml": SHARED,
        "xl/styles.xml": STYLES,
        "xl/worksheets/sheet1.xml": SHEET1,
        "xl/worksheets/sheet2.xml": SHEET2,
    }
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, xml in parts.items():
            # A fixed timestamp, so that running the script again changes no byte.
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), xml,
                       compress_type=compression)


def main():
    out = pathlib.Path(__file__).resolve().parent.parent / "fuzz" / "seeds" / "xlsx_reader_fuzz"
    out.mkdir(parents=True, exist_ok=True)
    write(out / "stored.xlsx", False, zipfile.ZIP_STORED)
    write(out / "deflated.xlsx", False, zipfile.ZIP_DEFLATED)
    write(out / "date1904.xlsx", True, zipfile.ZIP_STORED)


if __name__ == "__main__":
    main()
