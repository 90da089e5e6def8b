import Foundation
import SheetAI
import SheetCore
import SheetStore

/// The workbooks of the store that the server has open, opened on first use and kept open.
/// Opening the same workbook from two requests at once loads it once.
actor WorkbookRegistry {
    let gate: StoreGate
    private let ai: AIConfiguration
    private let gateway: AIGateway
    private let offline: Bool
    private let limits: ServerLimits
    private var open: [Int64: Task<OpenWorkbook, Error>] = [:]
    private var closing = false

    init(gate: StoreGate, ai: AIConfiguration, gateway: AIGateway, offline: Bool, limits: ServerLimits) {
        self.gate = gate
        self.ai = ai
        self.gateway = gateway
        self.offline = offline
        self.limits = limits
    }

    var store: SheetStore { gate.store }

    /// The open workbook with this id, opening it when needed; 404 when the store has none.
    func workbook(_ id: Int64) async throws -> OpenWorkbook {
        if closing { throw Problem.unavailable("the server is shutting down", slug: "shutting-down") }
        if let task = open[id] {
            do { return try await task.value } catch {
                if open[id] == task { open[id] = nil }
                throw error
            }
        }
        let (gate, ai, gateway, offline, limits) = (self.gate, self.ai, self.gateway, self.offline, self.limits)
        let task = Task<OpenWorkbook, Error> {
            try await OpenWorkbook.open(id: id, gate: gate, ai: ai, gateway: gateway, offline: offline, limits: limits) { [weak self] broken in
                guard let self else { return }
                Task { await self.forget(broken) }
            }
        }
        open[id] = task
        do { return try await task.value } catch {
            if open[id] == task { open[id] = nil }
            throw error
        }
    }

    /// Forgets an open copy (after a failed save or a delete); the next request reloads it.
    func forget(_ id: Int64) {
        open[id] = nil
    }

    /// Deletes a workbook: after the writes queued on it, from the store, ending its event streams.
    func delete(_ id: Int64) async throws {
        let handle = try await workbook(id)
        try await handle.delete()
        open[id] = nil
    }

    /// Ends every workbook once its queued writes are done; later requests are refused.
    func closeAll() async {
        closing = true
        let tasks = Array(open.values)
        open.removeAll()
        for t in tasks {
            if let handle = try? await t.value { await handle.close() }
        }
    }

    var openCount: Int { open.count }
}
