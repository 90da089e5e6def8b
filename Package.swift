// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sheet",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SheetCore", targets: ["SheetCore"]),
        .executable(name: "sheet", targets: ["sheet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "SheetCore",
            // The engine's hot loops touch class-held arrays; dynamic exclusivity checks cost a
            // quarter of recalculation time (docs/performance.md). Static checks still apply.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        .executableTarget(
            name: "sheet",
            dependencies: [
                "SheetCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SheetCoreTests", dependencies: ["SheetCore"]),
    ],
    swiftLanguageModes: [.v5]
)
