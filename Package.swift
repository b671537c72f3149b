// swift-tools-version:6.2
import PackageDescription

/// Strict from day one: Swift 6 language mode (the tools version default), explicit `any`.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "xiezhi",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "xiezhi", targets: ["xiezhi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
    ],
    targets: [
        // Pure domain: rules, state machines, penalty arithmetic, geometry. No I/O.
        .target(
            name: "XiezhiCore",
            swiftSettings: strict
        ),
        // The bundled data files: the demo region (GeoJSON) and the rule tables with their citations.
        .target(
            name: "XiezhiData",
            path: "Data",
            sources: ["XiezhiData.swift"],
            resources: [.copy("region"), .copy("rules")],
            swiftSettings: strict
        ),
        // Device protocols as pure codecs (JT/T 808, AIS, WIM).
        .target(
            name: "XiezhiWire",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: strict
        ),
        // Persistence: SQLite (GRDB, WAL), migrations, the hash-chained audit log.
        .target(
            name: "XiezhiStore",
            dependencies: [
                "XiezhiCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Traffic that speaks the real formats, with the ground truth of what it injected (demo, tests, benchmarks).
        .target(
            name: "XiezhiSimulator",
            dependencies: ["XiezhiCore", "XiezhiWire", .product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: strict
        ),
        // The simulator's TCP side: simulated JT/T 808 terminals driving a node over real connections (demo, tests, bench).
        .target(
            name: "XiezhiSimulatorTCP",
            dependencies: [
                "XiezhiSimulator", "XiezhiWire", "XiezhiCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // The node: Hummingbird app, auth, console, services.
        .target(
            name: "XiezhiServer",
            dependencies: [
                "XiezhiCore", "XiezhiStore", "XiezhiWire", "XiezhiData", "XiezhiSimulator", "XiezhiSimulatorTCP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("Console"), .copy("OpenAPI")],
            swiftSettings: strict
        ),
        // The CLI: parses arguments and calls into the targets.
        .executableTarget(
            name: "xiezhi",
            dependencies: [
                "XiezhiCore", "XiezhiStore", "XiezhiServer", "XiezhiSimulator", "XiezhiSimulatorTCP", "XiezhiWire", "XiezhiData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "XiezhiCoreTests", dependencies: ["XiezhiCore", "XiezhiData"], swiftSettings: strict),
        .testTarget(name: "XiezhiWireTests", dependencies: ["XiezhiWire", "XiezhiSimulator"], swiftSettings: strict),
        .testTarget(name: "XiezhiSimulatorTests", dependencies: ["XiezhiSimulator", "XiezhiCore", "XiezhiData", "XiezhiWire"], swiftSettings: strict),
        .testTarget(
            name: "XiezhiStoreTests",
            dependencies: ["XiezhiStore", "XiezhiCore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "XiezhiServerTests",
            dependencies: [
                "XiezhiServer", "XiezhiStore", "XiezhiCore", "XiezhiWire", "XiezhiSimulator", "XiezhiSimulatorTCP", "XiezhiData",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
    ]
)
