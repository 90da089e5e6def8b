import Foundation
import SheetAI
import SheetCore
import SheetStore
import SheetXLSX

/// How to open a workbook file.
public struct DocumentOptions: Sendable {
    /// The AI configuration; nil loads it from the environment and config file.
    public var aiConfiguration: AIConfiguration?
    /// Offline replay, call budget.
    public var aiRunOptions = AIRunOptions()
    /// Overrides every profile's concurrency (`--ai-concurrency`).
    public var aiConcurrency: Int?
    /// Shared by every document of a process so provider limits hold across workbooks.
    public var gateway: AIGateway?
    /// Which workbook of a `.sheetdb` holding several (name or numeric id); nil = the only one,
    /// or the first.
    public var workbook: String?
    /// Where an XLSX workbook's AI answers are cached; nil = `SHEET_AI_CACHE`, else
    /// `.sheet-ai-cache.sheetdb` in the workbook's folder.
    public var aiCacheURL: URL?
    public var environment: [String: String] = ProcessInfo.processInfo.environment

    public init() {}
}

/// A workbook opened from a file, with what runs its AI functions: an `AIService` whose
/// answers are cached persistently (in the `.sheetdb` itself, or in a cache store beside an
/// XLSX file), and the `WorkbookSession` that owns the workbook.
///
/// All access to the workbook goes through `session` (an actor). Saving writes the file's own
/// format, or another one when given a URL with another extension.
public final class WorkbookDocument: @unchecked Sendable {
    /// The file the document came from and saves to (nil for a new, unsaved workbook).
    public private(set) var url: URL?
    public let session: WorkbookSession
    public let service: AIService
    /// What the reader skipped or repaired, and problems with the AI set-up; for the user.
    public let warnings: [String]
    /// The store holding the workbook (for `.sheetdb`) and the workbook's place in it.
    private var store: SheetStore?
    private var stored: StoredWorkbook?
    /// The cache store beside an XLSX file.
    private let cacheStore: LazyStoreAIResultCache?

    /// The file name of the cache store beside XLSX workbooks.
    public static let cacheFileName = ".sheet-ai-cache.sheetdb"

    private init(url: URL?, session: WorkbookSession, service: AIService, warnings: [String],
                 store: SheetStore?, stored: StoredWorkbook?, cacheStore: LazyStoreAIResultCache?) {
        self.url = url
        self.session = session
        self.service = service
        self.warnings = warnings
        self.store = store
        self.stored = stored
        self.cacheStore = cacheStore
    }

    // MARK: Opening

    /// Opens an `.xlsx` or `.sheetdb` file. Throws `DocumentError` naming the file when it cannot
    /// be read; nothing is written then.
    public static func open(_ url: URL, options: DocumentOptions = DocumentOptions()) throws -> WorkbookDocument {
        guard let format = WorkbookFormat(url: url) else {
            throw DocumentError("\(url.path): unknown format '.\(url.pathExtension)' (\(WorkbookFormat.expected))")
        }
        guard FileManager.default.fileExists(atPath: url.path) else { throw DocumentError("\(url.path): no such file") }
        var warnings: [String] = []
        let configuration = loadConfiguration(options, warnings: &warnings)
        switch format {
        case .xlsx:
            let cacheStore = cacheBeside(url, options: options)
            let service = makeService(configuration, cache: cacheStore, options: options)
            service.images.workbookFolder = url.deletingLastPathComponent()
            let workbook: Workbook
            do {
                let result = try XLSXImport.read(url: url, options: XLSXImportOptions(registry: AIFunctions.registry(service: service)))
                workbook = result.workbook
                warnings.append(contentsOf: result.warnings)
            } catch {
                throw DocumentError("\(url.path): \(error)")
            }
            let session = WorkbookSession(workbook: workbook, service: service)
            return WorkbookDocument(url: url, session: session, service: service, warnings: warnings,
                                    store: nil, stored: nil, cacheStore: cacheStore)
        case .sheetdb:
            let store: SheetStore
            do { store = try SheetStore(path: url.path) } catch { throw DocumentError("\(url.path): \(error)") }
            do {
                let id = try workbookID(in: store, matching: options.workbook, url: url, warnings: &warnings)
                let service = makeService(configuration, cache: StoreAIResultCache(store: store, workbookID: id), options: options)
                service.images.workbookFolder = url.deletingLastPathComponent()
                let stored = try store.openWorkbook(id: id, registry: AIFunctions.registry(service: service))
                warnings.append(contentsOf: stored.issues.map(\.description))
                let session = WorkbookSession(workbook: stored.workbook, service: service)
                return WorkbookDocument(url: url, session: session, service: service, warnings: warnings,
                                        store: store, stored: stored, cacheStore: nil)
            } catch let e as DocumentError {
                store.close()
                throw e
            } catch {
                store.close()
                throw DocumentError("\(url.path): \(error)")
            }
        }
    }

    /// A new workbook with one sheet, to be saved to `url` (if given) later.
    public static func new(url: URL? = nil, options: DocumentOptions = DocumentOptions()) -> WorkbookDocument {
        var warnings: [String] = []
        let configuration = loadConfiguration(options, warnings: &warnings)
        let cacheStore = url.map { cacheBeside($0, options: options) }
        let service = makeService(configuration, cache: cacheStore, options: options)
        service.images.workbookFolder = url?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let session = WorkbookSession(service: service)
        return WorkbookDocument(url: url, session: session, service: service, warnings: warnings,
                                store: nil, stored: nil, cacheStore: cacheStore)
    }

    // MARK: Saving

    /// Saves to the document's file, or to `url` (which becomes the document's file). A
    /// `.sheetdb` the workbook came from is saved incrementally (one transaction, one revision);
    /// an `.xlsx` is written whole, atomically. Returns the store revision for `.sheetdb`.
    @discardableResult
    public func save(to target: URL? = nil) async throws -> Int64? {
        guard let destination = target ?? url else { throw DocumentError("this workbook has no file yet: give one to save to") }
        guard let format = WorkbookFormat(url: destination) else {
            throw DocumentError("\(destination.path): unknown format '.\(destination.pathExtension)' (\(WorkbookFormat.expected))")
        }
        let revision: Int64?
        switch format {
        case .xlsx:
            try await session.withWorkbook { wb in
                do { try XLSXExport.write(wb, to: destination) } catch { throw DocumentError("\(destination.path): \(error)") }
            }
            revision = nil
        case .sheetdb:
            if let store, let stored, destination.standardizedFileURL == URL(fileURLWithPath: store.path).standardizedFileURL {
                revision = try await session.withWorkbook { _ in
                    do { return try store.save(stored).revision } catch { throw DocumentError("\(destination.path): \(error)") }
                }
            } else {
                let name = destination.deletingPathExtension().lastPathComponent
                let (newStore, newStored) = try await session.withWorkbook { wb in
                    do {
                        let s = try SheetStore(path: destination.path)
                        do {
                            if let existing = try s.workbookID(named: name) { try s.deleteWorkbook(id: existing) }
                            return (s, try s.createWorkbook(named: name, from: wb))
                        } catch {
                            s.close()
                            throw error
                        }
                    } catch { throw DocumentError("\(destination.path): \(error)") }
                }
                store?.close()
                store = newStore
                stored = newStored
                revision = newStored.revision
            }
        }
        url = destination
        service.images.workbookFolder = destination.deletingLastPathComponent()
        return revision
    }

    /// Closes the stores. The document must not be used afterwards.
    public func close() {
        store?.close()
        cacheStore?.close()
        store = nil
    }

    // MARK: Set-up

    static func loadConfiguration(_ options: DocumentOptions, warnings: inout [String]) -> AIConfiguration {
        if let c = options.aiConfiguration { return c }
        do { return try AIConfiguration.load(environment: options.environment) } catch {
            warnings.append("AI configuration: \(error); AI functions will show #CONNECT! until it is fixed")
            return AIConfiguration()
        }
    }

    static func makeService(_ configuration: AIConfiguration, cache: AIResultCache?, options: DocumentOptions) -> AIService {
        var configuration = configuration
        if let n = options.aiConcurrency, n >= 1 {
            for (name, var profile) in configuration.profiles {
                profile.concurrency = n
                configuration.profiles[name] = profile
            }
        }
        return AIService(configuration: configuration, cache: cache ?? InMemoryAIResultCache(),
                         gateway: options.gateway ?? AIGateway(), options: options.aiRunOptions)
    }

    /// The cache store for an XLSX workbook: `aiCacheURL`, else `SHEET_AI_CACHE`, else
    /// `.sheet-ai-cache.sheetdb` in the workbook's folder. Created with the first answer.
    static func cacheBeside(_ url: URL, options: DocumentOptions) -> LazyStoreAIResultCache {
        let cacheURL = options.aiCacheURL
            ?? options.environment["SHEET_AI_CACHE"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? url.deletingLastPathComponent().appendingPathComponent(cacheFileName)
        return LazyStoreAIResultCache(url: cacheURL)
    }

    static func workbookID(in store: SheetStore, matching wanted: String?, url: URL, warnings: inout [String]) throws -> Int64 {
        let all = try store.listWorkbooks()
        if let wanted {
            if let match = all.first(where: { $0.name == wanted }) ?? Int64(wanted).flatMap({ id in all.first { $0.id == id } }) {
                return match.id
            }
            throw DocumentError("\(url.path): no workbook '\(wanted)' (it holds: \(all.map(\.name).joined(separator: ", ")))")
        }
        guard let first = all.first else { throw DocumentError("\(url.path): the store holds no workbook") }
        if all.count > 1 {
            warnings.append("\(url.lastPathComponent) holds \(all.count) workbooks; opened '\(first.name)' (choose with --workbook)")
        }
        return first.id
    }
}
