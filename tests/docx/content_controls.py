"""The other way to mark an answer (#27 item 1): block-level content controls instead of bookmarks.

`wrap IN OUT` rewrites an export so that each answer's hidden bookmark `_Q_…` becomes a block
content control (`w:sdt`) tagged with the same name around the same paragraphs and tables.
`tags FILE` prints how many answers a DOCX marks by tagged content controls (check.sh counts the
bookmarks itself). tests/docx/check.sh resaves both through LibreOffice and compares what survives,
the measurement behind choosing bookmarks (docs/measurements.md).
"""
import re
import sys
import zipfile

START = re.compile(r'<w:bookmarkStart w:id="(\d+)" w:name="(_Q_[A-Za-z0-9_]+)" />')


def wrap(xml: str) -> str:
    ids = []

    def opening(match: re.Match) -> str:
        ids.append(match.group(1))
        return (f'<w:sdt><w:sdtPr><w:tag w:val="{match.group(2)}" />'
                f'<w:id w:val="{1000 + int(match.group(1))}" /></w:sdtPr><w:sdtContent>')

    xml = START.sub(opening, xml)
    for bookmark_id in ids:
        xml = xml.replace(f'<w:bookmarkEnd w:id="{bookmark_id}" />', '</w:sdtContent></w:sdt>', 1)
    return xml


def rewrite(source: str, target: str) -> None:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == 'word/document.xml':
                data = wrap(data.decode('utf-8')).encode('utf-8')
            zout.writestr(item, data)


def tags(path: str) -> int:
    with zipfile.ZipFile(path) as z:
        xml = z.read('word/document.xml').decode('utf-8')
    return len(set(re.findall(r'<w:tag w:val="(_Q_[A-Za-z0-9_]+)"', xml)))


if __name__ == '__main__':
    if sys.argv[1] == 'wrap':
        rewrite(sys.argv[2], sys.argv[3])
    else:
        print(tags(sys.argv[2]))
