// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sheet",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SheetCore", targets: ["SheetCore"]),
        .library(name: "SheetXLSX", targets: ["SheetXLSX"]),
        .library(name: "SheetAI", targets: ["SheetAI"]),
        .library(name: "SheetStore", targets: ["SheetStore"]),
        .library(name: "SheetDocument", targets: ["SheetDocument"]),
        .library(name: "SheetServer", targets: ["SheetServer"]),
        .executable(name: "sheet", targets: ["sheet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .target(
            name: "SheetCore",
            // The engine's hot loops touch class-held arrays; dynamic exclusivity checks cost a
            // quarter of recalculation time (docs/performance.md). Static checks still apply.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        // libxml2's streaming reader (xmlTextReader), for the XLSX import.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // XLSX import (reading only): ZIP container, XML parts streamed with libxml2.
        .target(
            name: "SheetXLSX",
            dependencies: [
                "SheetCore",
                "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The byte scanner's per-byte state lives in a class; dynamic exclusivity checks were
            // ~15% of `xlsx_read` (docs/performance.md). Static checks still apply.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        // AI()/VISION() and friends: model adapters, request scheduler, result cache protocol.
        .target(name: "SheetAI", dependencies: ["SheetCore"]),
        // libsqlite3's C API, for the workbook store.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // The SQLite workbook store (.sheetdb): workbooks, attachments, change log, AI result cache.
        .target(name: "SheetStore", dependencies: ["SheetCore", "CSQLite"]),
        // Opening and saving workbook files (.xlsx, .sheetdb) with their AI session and the
        // persistent AI cache: what the CLI and the server share.
        .target(name: "SheetDocument", dependencies: ["SheetCore", "SheetAI", "SheetXLSX", "SheetStore"]),
        // The HTTP workbook API (`sheet serve`): workbooks in a .sheetdb store, served over Hummingbird.
        .target(
            name: "SheetServer",
            dependencies: [
                "SheetCore",
                "SheetAI",
                "SheetXLSX",
                "SheetStore",
                "SheetDocument",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "sheet",
            dependencies: [
                "SheetCore",
                "SheetXLSX",
                "SheetAI",
                "SheetStore",
                "SheetDocument",
                "SheetServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // The xlsx_read benchmark writes its workbook directly (Sources/sheet/Bench).
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(name: "SheetCoreTests", dependencies: ["SheetCore"]),
        .testTarget(name: "SheetAITests", dependencies: ["SheetAI", "SheetCore", "SheetXLSX", "SheetDocument", "sheet"]),
        // The CLI: REPL sessions in process, and the built `sheet` binary driven through a pipe and a pseudo-terminal.
        .testTarget(name: "SheetCLITests", dependencies: ["sheet", "SheetCore"]),
        .testTarget(
            name: "SheetXLSXTests",
            dependencies: ["SheetXLSX", "SheetCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Depends on the executable so that `swift test` builds the `sheet` binary the
        // crash-safety test runs as a child process.
        .testTarget(name: "SheetStoreTests", dependencies: ["SheetStore", "SheetCore", "sheet"]),
        // Route tests in process (HummingbirdTesting) and the built `sheet serve` driven over 127.0.0.1.
        .testTarget(
            name: "SheetServerTests",
            dependencies: [
                "SheetServer",
                "SheetCore",
                "SheetStore",
                "sheet",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
