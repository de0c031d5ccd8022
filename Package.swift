// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "ToChuc",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tochuc", targets: ["tochuc"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.100.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.30.0"),
    ],
    targets: [
        // Pure types and rules of DOMAIN.md; no I/O.
        .target(name: "ToChucDomain", swiftSettings: strict),
        // SQL over SQLite and PostgreSQL through one SQLKit layer.
        .target(
            name: "ToChucStorage",
            dependencies: [
                "ToChucDomain",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                // Health checks of replicas and failover candidates open one-off connections (TLS per sslmode).
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        // Use cases, access control, audit.
        .target(
            name: "ToChucServices",
            dependencies: [
                "ToChucDomain", "ToChucStorage",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // HTTP API and web UI.
        .target(
            name: "ToChucWeb",
            dependencies: [
                "ToChucDomain", "ToChucServices",
                // Which reads may go to a replica (ReadPreference), and 503 for a database that is unavailable.
                "ToChucStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "tochuc",
            dependencies: [
                "ToChucDomain", "ToChucStorage", "ToChucServices", "ToChucWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "ToChucDomainTests", dependencies: ["ToChucDomain"], swiftSettings: strict),
        .testTarget(
            name: "ToChucServicesTests",
            dependencies: ["ToChucDomain", "ToChucStorage", "ToChucServices"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ToChucWebTests",
            dependencies: ["ToChucDomain", "ToChucWeb", .product(name: "HTTPTypes", package: "swift-http-types")],
            swiftSettings: strict),
    ]
)
