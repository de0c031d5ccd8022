import Foundation

/// A block of a Word document: what reports are made of.
public enum DocumentBlock: Sendable, Equatable {
    case title(String)
    case subtitle(String)
    case heading(String)
    case paragraph(String)
    case bullet(String)
    /// A table whose first row is its header.
    case table([[String]])
}

/// Writes a minimal Office Open XML word-processing document (.docx) from blocks: the parts Word, LibreOffice and
/// python-docx need (content types, relationships, the document, its styles), zipped like `XLSX`.
public enum DOCX {
    public static func data(_ blocks: [DocumentBlock]) throws -> Data {
        var body = ""
        for block in blocks {
            switch block {
            case .title(let text): body += paragraph(text, style: "Title")
            case .subtitle(let text): body += paragraph(text, style: "Subtitle")
            case .heading(let text): body += paragraph(text, style: "Heading1")
            case .paragraph(let text): body += paragraph(text, style: nil)
            case .bullet(let text): body += paragraph("– " + text, style: "ListParagraph")
            case .table(let rows): body += table(rows)
            }
        }
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
        return try XLSX.zip([
            ("[Content_Types].xml", Data(contentTypes.utf8)), ("_rels/.rels", Data(rootRelationships.utf8)),
            ("word/_rels/document.xml.rels", Data(documentRelationships.utf8)), ("word/document.xml", Data(document.utf8)),
            ("word/styles.xml", Data(styles.utf8)),
        ])
    }

    static func run(_ text: String, bold: Bool = false) -> String {
        let properties = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:r>\(properties)<w:t xml:space=\"preserve\">\(XLSX.escapeXML(XLSX.stripForbiddenCharacters(text), attribute: false))</w:t></w:r>"
    }

    static func paragraph(_ text: String, style: String?, bold: Bool = false, alignRight: Bool = false) -> String {
        var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if alignRight { properties += "<w:jc w:val=\"right\"/>" }
        return "<w:p>\(properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")\(run(text, bold: bold))</w:p>"
    }

    static func table(_ rows: [[String]]) -> String {
        let width = rows.map(\.count).max() ?? 0
        guard width > 0 else { return "" }
        let grid = String(repeating: "<w:gridCol w:w=\"\(9000 / width)\"/>", count: width)
        var out = """
            <w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>\
            <w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
            </w:tblBorders></w:tblPr><w:tblGrid>\(grid)</w:tblGrid>
            """
        for (index, row) in rows.enumerated() {
            out += "<w:tr>"
            for column in 0..<width {
                let text = column < row.count ? row[column] : ""
                // Figures align right; the header is bold.
                let numeric = index > 0 && column > 0 && !text.isEmpty && text.first!.isNumber
                out += "<w:tc><w:tcPr><w:tcW w:w=\"\(9000 / width)\" w:type=\"dxa\"/></w:tcPr>\(paragraph(text, style: nil, bold: index == 0, alignRight: numeric))</w:tc>"
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl><w:p/>"
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
        """
    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """
    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="284"/></w:pPr></w:style>\
        <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>
        """
}
