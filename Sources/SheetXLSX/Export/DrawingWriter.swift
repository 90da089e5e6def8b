import SheetCore

/// A sheet's pictures as a DrawingML part (`xl/drawings/drawingN.xml`): each picture anchored
/// to its cell (`twoCellAnchor editAs="oneCell"`, from the cell's top-left corner to the next
/// cell's), so it fills the cell and moves with it, as Excel places a picture in a cell.
struct DrawingWriter {
    let images: [AnchoredImage]
    /// The relationship id (in the drawing's .rels) of each picture's media part.
    let mediaRelationshipIDs: [String]
    let layout: SheetLayout

    func write(to out: XMLOutput) throws {
        try out.raw(XLSXNamespaces.declaration)
        try out.raw("<xdr:wsDr xmlns:xdr=\"\(XLSXNamespaces.drawing)\" xmlns:a=\"\(XLSXNamespaces.drawingMain)\" xmlns:r=\"\(XLSXNamespaces.relationships)\">")
        for (i, picture) in images.enumerated() {
            let row = picture.address.row, column = picture.address.column
            let width = DrawingWriter.emu(pixels: columnPixels(column))
            let height = DrawingWriter.emu(pixels: rowPixels(row))
            try out.raw("<xdr:twoCellAnchor editAs=\"oneCell\"><xdr:from><xdr:col>\(column)</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>\(row)</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>")
            try out.raw("<xdr:to><xdr:col>\(column + 1)</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>\(row + 1)</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>")
            try out.raw("<xdr:pic><xdr:nvPicPr><xdr:cNvPr id=\"\(i + 2)\" name=\"Picture \(i + 1)\"")
            if let alt = picture.image.altText, !alt.isEmpty {
                try out.raw(" descr=\"")
                try out.attribute(alt)
                try out.raw("\"")
            }
            try out.raw("/><xdr:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></xdr:cNvPicPr></xdr:nvPicPr>")
            try out.raw("<xdr:blipFill><a:blip r:embed=\"\(mediaRelationshipIDs[i])\"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>")
            try out.raw("<xdr:spPr><a:xfrm><a:off x=\"\(DrawingWriter.emu(pixels: offsetX(column)))\" y=\"\(DrawingWriter.emu(pixels: offsetY(row)))\"/>")
            try out.raw("<a:ext cx=\"\(width)\" cy=\"\(height)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:twoCellAnchor>")
        }
        try out.raw("</xdr:wsDr>")
    }

    static func emu(pixels: Int) -> Int { pixels * 9525 }

    /// Excel's pixel width of a column at 100% zoom with Calibri 11 (7-pixel digits): a width
    /// of 8.43 characters (the default) is 64 pixels.
    func columnPixels(_ column: Int32) -> Int {
        if layout.hiddenColumns.contains(column) { return 0 }
        guard let w = layout.columnWidths[column] ?? layout.defaultColumnWidth, w.isFinite, w >= 0 else { return 64 }
        return Int(((256 * min(w, 255) + 18) / 256 * 7).rounded(.towardZero))
    }

    /// A row's height in pixels (points × 96 / 72); 20 for the default 15 points.
    func rowPixels(_ row: Int32) -> Int {
        if layout.hiddenRows.contains(row) { return 0 }
        guard let h = layout.rowHeights[row] ?? layout.defaultRowHeight, h.isFinite, h >= 0 else { return 20 }
        return Int((min(h, 409) * 96 / 72).rounded())
    }

    private func offsetX(_ column: Int32) -> Int {
        var x = 64 * Int(column)
        for (c, _) in layout.columnWidths where c < column { x += columnPixels(c) - 64 }
        for c in layout.hiddenColumns where c < column && layout.columnWidths[c] == nil { x -= 64 }
        return max(x, 0)
    }

    private func offsetY(_ row: Int32) -> Int {
        var y = 20 * Int(row)
        for (r, _) in layout.rowHeights where r < row { y += rowPixels(r) - 20 }
        for r in layout.hiddenRows where r < row && layout.rowHeights[r] == nil { y -= 20 }
        return max(y, 0)
    }
}
