import Foundation
import SheetCore

/// Attachments: image bytes stored once per SHA-256, referenced by cells holding `.image`.
extension SheetStore {
    /// The image stored under a hash, or nil.
    public func attachment(sha256: String) throws -> CellImage? {
        try locked {
            let s = try db.prepare("SELECT media_type, data FROM attachments WHERE sha256 = ?")
            try s.bind(1, sha256.lowercased())
            defer { s.reset() }
            guard try s.step(), let data = s.data(1) else { return nil }
            return CellImage(data: data, mediaType: s.text(0))
        }
    }

    /// How many distinct attachments the store holds, and their total bytes.
    public func attachmentStatistics() throws -> (count: Int, bytes: Int64) {
        try locked {
            let s = try db.prepare("SELECT count(*), coalesce(sum(size), 0) FROM attachments")
            defer { s.reset() }
            guard try s.step() else { return (0, 0) }
            return (s.int(0), s.int64(1))
        }
    }

    /// Deletes attachments no cell refers to any more (run after deleting workbooks or sheets;
    /// saves that overwrite an image cell leave its bytes until this runs). Returns how many.
    @discardableResult
    public func collectGarbage() throws -> Int {
        try requireWritable()
        return try locked { try db.writeTransaction { try deleteUnusedAttachments() } }
    }

    @discardableResult
    func deleteUnusedAttachments() throws -> Int {
        try db.execute("DELETE FROM attachments WHERE sha256 NOT IN (SELECT txt FROM cells WHERE kind = 5 AND txt IS NOT NULL)")
        return db.changes
    }
}
