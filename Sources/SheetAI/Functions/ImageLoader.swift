import Foundation
import SheetCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads the pictures `IMAGE(source)` names, confined to the workbook's folder and the configured
/// image roots: a path that leaves them (through `..`, an absolute path or a symbolic link) is
/// refused, and URLs are fetched only when they start with an allowed prefix.
public final class ImageLoader: @unchecked Sendable {
    /// The folder of the workbook's file: relative paths start here, and it is always allowed.
    public var workbookFolder: URL? {
        get { lock.lock(); defer { lock.unlock() }; return folder }
        set { lock.lock(); folder = newValue; files.removeAll(); lock.unlock() }
    }
    public let roots: [URL]
    public let urlAllowList: [String]
    /// Largest picture read (providers take about 20 MB).
    public static let maxBytes = 20 * 1024 * 1024

    private let lock = NSLock()
    private var folder: URL?
    /// Files read, by path, with the size and modification date they had.
    private var files: [String: (size: Int, modified: Date, image: CellImage)] = [:]
    private var fetched: [String: Result<CellImage, FormulaError>] = [:]
    private var fetching: [String: Set<CellRef>] = [:]
    var onFetched: (@Sendable ([CellRef]) -> Void)?

    init(roots: [URL], urlAllowList: [String]) {
        self.roots = roots
        self.urlAllowList = urlAllowList
    }

    /// The picture at `source` (a path, or an allowed URL). A URL not fetched yet answers
    /// `#BUSY!` and is fetched in the background; `cell` is recalculated when it arrives.
    func load(_ source: String, altText: String?, for cell: CellRef?) throws(FormulaError) -> CellImage {
        let trimmed = source.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw FormulaError(.value, message: "IMAGE needs a file path") }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            return try loadURL(trimmed, altText: altText, for: cell)
        }
        if lower.contains("://") && !lower.hasPrefix("file://") {
            throw FormulaError(.value, message: "IMAGE reads files and allowed http(s) URLs only")
        }
        let url = try resolve(trimmed)
        return try read(url, altText: altText)
    }

    /// The file a path names, if it is inside an allowed folder.
    func resolve(_ path: String) throws(FormulaError) -> URL {
        var p = path
        if p.lowercased().hasPrefix("file://") { p = URL(string: p)?.path ?? String(p.dropFirst(7)) }
        guard !p.contains("\0") else { throw FormulaError(.value, message: "invalid path") }
        let components = p.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        guard !components.contains("..") else {
            throw FormulaError(.value, message: "IMAGE paths may not go up with \"..\"")
        }
        lock.lock()
        let base = folder
        lock.unlock()
        let allowed = ([base].compactMap { $0 } + roots).map { $0.resolvingSymlinksInPath().standardizedFileURL.path }
        guard !allowed.isEmpty else {
            throw FormulaError(.value, message: "IMAGE has no folder to read from: save the workbook first or configure imageRoots")
        }
        let candidate: URL
        if p.hasPrefix("/") {
            candidate = URL(fileURLWithPath: p)
        } else if let base {
            candidate = base.appendingPathComponent(p)
        } else {
            candidate = URL(fileURLWithPath: allowed[0]).appendingPathComponent(p)
        }
        let real = candidate.resolvingSymlinksInPath().standardizedFileURL.path
        guard allowed.contains(where: { real == $0 || real.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else {
            throw FormulaError(.value, message: "IMAGE may read only files in the workbook's folder or the configured image roots")
        }
        return URL(fileURLWithPath: real)
    }

    private func read(_ url: URL, altText: String?) throws(FormulaError) -> CellImage {
        let path = url.path
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes, (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw FormulaError(.value, message: "no picture file at \(url.lastPathComponent)")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let modified = attributes[.modificationDate] as? Date ?? .distantPast
        guard size <= ImageLoader.maxBytes else {
            throw FormulaError(.value, message: "\(url.lastPathComponent) is larger than \(ImageLoader.maxBytes / 1_048_576) MB")
        }
        lock.lock()
        if let hit = files[path], hit.size == size, hit.modified == modified, hit.image.altText == altText {
            lock.unlock()
            return hit.image
        }
        lock.unlock()
        guard let data = try? Data(contentsOf: url) else { throw FormulaError(.value, message: "cannot read \(url.lastPathComponent)") }
        guard let type = CellImage.sniffMediaType(data) else {
            throw FormulaError(.value, message: "\(url.lastPathComponent) is not a picture (PNG, JPEG, GIF, BMP, WebP or TIFF)")
        }
        let image = CellImage(data: data, mediaType: type, altText: altText)
        lock.lock()
        if files.count > 4096 { files.removeAll() }
        files[path] = (size, modified, image)
        lock.unlock()
        return image
    }

    // MARK: URLs

    private func loadURL(_ url: String, altText: String?, for cell: CellRef?) throws(FormulaError) -> CellImage {
        guard urlAllowList.contains(where: { !$0.isEmpty && url.hasPrefix($0) }) else {
            throw FormulaError(.value, message: "IMAGE may fetch only URLs under the configured imageURLAllowList")
        }
        lock.lock()
        if let done = fetched[url] {
            lock.unlock()
            switch done {
            case .success(let img): return altText == img.altText ? img : CellImage(data: img.data, mediaType: img.mediaType, altText: altText)
            case .failure(let e): throw e
            }
        }
        let started = fetching[url] != nil
        if let cell { fetching[url, default: []].insert(cell) } else if !started { fetching[url] = [] }
        lock.unlock()
        if !started {
            Task.detached { [self] in
                let outcome = await ImageLoader.fetch(url)
                finishFetch(url, outcome)
            }
        }
        throw FormulaError(.busy, message: "fetching \(url)")
    }

    private func finishFetch(_ url: String, _ outcome: Result<CellImage, FormulaError>) {
        lock.lock()
        fetched[url] = outcome
        let waiters = fetching.removeValue(forKey: url) ?? []
        let notify = onFetched
        lock.unlock()
        if !waiters.isEmpty { notify?(Array(waiters)) }
    }

    private static func fetch(_ text: String) async -> Result<CellImage, FormulaError> {
        guard let url = URL(string: text) else { return .failure(FormulaError(.value, message: "invalid URL")) }
        var request = URLRequest(url: url)
        request.timeoutInterval = 30
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            guard let http = response as? HTTPURLResponse, (200..<300).contains(http.statusCode) else {
                return .failure(FormulaError(.connect, message: "unreachable: \(url.host ?? text) answered \((response as? HTTPURLResponse)?.statusCode ?? 0)"))
            }
            guard data.count <= maxBytes, let type = CellImage.sniffMediaType(data) else {
                return .failure(FormulaError(.value, message: "\(text) is not a picture of at most \(maxBytes / 1_048_576) MB"))
            }
            return .success(CellImage(data: data, mediaType: type))
        } catch {
            return .failure(FormulaError(.connect, message: "unreachable: \(Redaction.clip(error.localizedDescription))"))
        }
    }
}
