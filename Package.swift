// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sheet",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SheetCore", targets: ["SheetCore"]),
        .library(name: "SheetXLSX", targets: ["SheetXLSX"]),
        .executable(name: "sheet", targets: ["sheet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
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
        .executableTarget(
            name: "sheet",
            dependencies: [
                "SheetCore",
                "SheetXLSX",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // The xlsx_read benchmark writes its workbook directly (Sources/sheet/Bench).
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(name: "SheetCoreTests", dependencies: ["SheetCore"]),
        .testTarget(
            name: "SheetXLSXTests",
            dependencies: ["SheetXLSX", "SheetCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
