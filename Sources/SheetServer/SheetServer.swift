import Foundation
import Hummingbird
import Logging
import SheetAI
import SheetStore

/// The HTTP workbook API over a `.sheetdb` store (`sheet serve`; routes in docs/api.md).
///
///     let server = SheetServer(configuration: config, store: try SheetStore(path: "books.sheetdb"))
///     try await server.run()      // until SIGTERM/SIGINT; then finishes writes, closes the store
public final class SheetServer: Sendable {
    public let configuration: ServerConfiguration
    let registry: WorkbookRegistry
    let gate: StoreGate

    /// - Parameter gateway: the process's AI gateway (providers and their rate limits).
    public init(configuration: ServerConfiguration, store: SheetStore, gateway: AIGateway = AIGateway()) {
        self.configuration = configuration
        self.gate = StoreGate(store)
        self.registry = WorkbookRegistry(gate: gate, ai: configuration.ai, gateway: gateway, offline: configuration.aiOffline,
                                         limits: configuration.limits)
    }

    /// The router with every route of `APIRoutes.all`, behind problem answers, auth and the timeout.
    public func makeRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: AuthMiddleware(tokens: configuration.tokens))
        router.add(middleware: TimeoutMiddleware(seconds: configuration.limits.requestTimeout))
        let api = API(registry: registry, limits: configuration.limits, aiConfigured: configuration.ai.isConfigured,
                      aiOffline: configuration.aiOffline)
        for route in APIRoutes.all {
            let handler = route.handler
            let query = route.query
            router.on(RouterPath(APIRoutes.routerPath(route.path)), method: route.method) { request, context in
                try APIRoutes.checkQuery(request, allowed: query)
                return try await handler(api, request, context)
            }
        }
        return router
    }

    /// The Hummingbird application listening on the configured host and port.
    public func makeApplication(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "sheet.serve")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .notice
        return Application(
            router: makeRouter(),
            server: .http1(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "sheet"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Serves until SIGTERM or SIGINT, then lets in-flight requests finish (the HTTP server's
    /// graceful shutdown), saves what the open workbooks still hold and closes the store.
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = makeApplication(onServerRunning: onServerRunning)
        do {
            try await app.runService()
        } catch {
            await close()
            throw error
        }
        await close()
    }

    /// Finishes the writes queued on every open workbook, ends their event streams, and closes
    /// the store (checkpointing its WAL). Nothing touches the store afterwards.
    public func close() async {
        await registry.closeAll()
        gate.close()
    }
}
