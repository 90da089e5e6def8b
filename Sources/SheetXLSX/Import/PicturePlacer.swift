import Foundation
import SheetCore

/// Puts pictures into cells as image values: those anchored over a cell in a drawing, and those
/// Excel placed in a cell. A picture goes only into an empty cell (one over a value is reported,
/// not imported). Each image part is read once however many cells show it.
struct PicturePlacer {
    let package: ZipPackage
    let workbook: Workbook
    let warnings: WarningSink
    private var images: [String: CellImage] = [:]

    init(package: ZipPackage, workbook: Workbook, warnings: WarningSink) {
        self.package = package
        self.workbook = workbook
        self.warnings = warnings
    }

    mutating func place(_ drawing: DrawingPart, drawingPart: String, sheet: SheetID, sheetName: String) throws {
        guard !drawing.pictures.isEmpty else { return }
        let relsPart = ZipPackage.relationshipsPart(of: drawingPart)
        let rels = package.contains(relsPart) ? try RelationshipsPart.parse(package.read(relsPart), part: relsPart) : []
        for picture in drawing.pictures {
            guard let from = picture.from else {
                warnings.add("\(drawingPart): a picture is not anchored to a cell; it is not imported")
                continue
            }
            let here = "\(sheetName)!\(from.a1)"
            if picture.isLinked {
                warnings.add("\(here): the picture links to a file outside the workbook; it is not imported")
                continue
            }
            guard let id = picture.embed, let rel = rels.first(where: { $0.id == id }), !rel.isExternal else {
                warnings.add("\(here): the picture's image is not in the package (\(relsPart)); it is not imported")
                continue
            }
            let mediaPart = ZipPackage.resolve(target: rel.target, from: drawingPart)
            guard let image = try image(mediaPart, altText: picture.altText, at: here) else { continue }
            try put(image, mediaPart: mediaPart, sheet: sheet, at: from, here: here)
        }
    }

    mutating func placeInCell(_ picture: RichValueImages.Image, sheet: SheetID, sheetName: String, at address: CellAddress) throws {
        let here = "\(sheetName)!\(address.a1)"
        // The cell holds #VALUE! as its saved value (what older readers show); a formula keeps its place.
        guard !workbook.isFormula(sheet, address) else { return }
        guard let image = try image(picture.part, altText: picture.altText, at: here) else { return }
        try workbook.setValue(sheet, address, .image(image))
    }

    private mutating func image(_ part: String, altText: String?, at here: String) throws -> CellImage? {
        let key = part + "\u{0}" + (altText ?? "")
        if let cached = images[key] { return cached }
        guard package.contains(part) else {
            warnings.add("\(here): the picture's image part \(part) is missing; it is not imported")
            return nil
        }
        let data = try package.read(part)
        let image = CellImage(data: data, mediaType: DrawingPart.mediaType(of: data, part: part), altText: altText)
        images[key] = image
        return image
    }

    private func put(_ image: CellImage, mediaPart: String, sheet: SheetID, at address: CellAddress, here: String) throws {
        guard workbook.value(sheet, address).isEmpty, !workbook.isFormula(sheet, address) else {
            warnings.add("\(here): a picture (\(mediaPart)) lies over a cell that holds a value; the picture is not imported")
            return
        }
        try workbook.setValue(sheet, address, .image(image))
    }
}
