import Foundation
import HummingbirdBcrypt
import Logging
import Prometheus
import XiezhiCore
import XiezhiData
import XiezhiStore

/// One running agency node: its database, its key, its rule tables and region, its clock. Built once at start-up
/// and shared (read-only, or internally synchronised) by every route and service.
public final class Node: Sendable {
    public let configuration: NodeConfiguration
    public let database: NodeDatabase
    public let key: NodeKey
    public let accounts: AccountStore
    public let ruleTables: RuleTableStore
    public let rules: RuleBook
    public let metrics: PrometheusCollectorRegistry
    public let logger: Logger
    /// The node's clock; tests pin it.
    public let now: @Sendable () -> Date
    /// Where every AIS feed's messages go (batched into the vessel store).
    let vesselIngest: VesselIngest
    /// The waterway detectors over the stored AIS positions and checkpoint passages.
    let waterwayMonitoring: WaterwayMonitoring
    /// The vehicle-monitoring rules over the JT/T 808 positions.
    let vehicleMonitoring: VehicleMonitoring
    /// The sensors checked against the shared watchlists (布控).
    let watchlist: WatchlistLookout
    /// A bcrypt hash at the configured cost, checked against when the username is unknown so that a login for a
    /// missing account takes as long as one with a wrong password.
    private let decoyHash: String

    init(
        configuration: NodeConfiguration, database: NodeDatabase, key: NodeKey, rules: RuleBook, metrics: PrometheusCollectorRegistry,
        logger: Logger, now: @escaping @Sendable () -> Date
    ) {
        self.configuration = configuration
        self.database = database
        self.key = key
        self.accounts = AccountStore(database: database, signingKey: key)
        self.ruleTables = RuleTableStore(database: database, signingKey: key)
        self.rules = rules
        self.metrics = metrics
        self.logger = logger
        self.now = now
        let waterway = WaterwayMonitoring(
            database: database, key: key, rules: rules, logger: logger, judgeAtOnce: configuration.aisFeeds.isEmpty, now: now)
        self.waterwayMonitoring = waterway
        self.vehicleMonitoring = VehicleMonitoring(database: database, key: key, rules: rules, logger: logger, now: now)
        let watchlist = WatchlistLookout(database: database, rules: rules, logger: logger, now: now)
        self.watchlist = watchlist
        self.vesselIngest = VesselIngest(store: VesselStore(database: database), waterway: waterway, watchlist: watchlist, logger: logger, now: now)
        self.decoyHash = Bcrypt.hash(UUID().uuidString, cost: configuration.passwordHashCost)
    }

    /// Opens the node in its data directory: creates the key and database on first use, seeds the rule tables
    /// from the bundled files (only the ones missing; later edits are kept), and loads them.
    public static func open(
        configuration: NodeConfiguration, logger: Logger, metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws -> Node {
        let key = try NodeKey.loadOrCreate(directory: configuration.dataDirectory)
        let database = try NodeDatabase.open(directory: configuration.dataDirectory)
        return try assemble(configuration: configuration, database: database, key: key, logger: logger, metrics: metrics, now: now)
    }

    /// A node on an in-memory database with a fresh key (tests).
    public static func inMemory(
        configuration: NodeConfiguration = .inMemoryDefault, logger: Logger = Logger(label: "xiezhi.test"),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws -> Node {
        try assemble(
            configuration: configuration, database: try NodeDatabase.inMemory(), key: NodeKey(privateKey: .init()), logger: logger,
            metrics: PrometheusCollectorRegistry(), now: now)
    }

    private static func assemble(
        configuration: NodeConfiguration, database: NodeDatabase, key: NodeKey, logger: Logger, metrics: PrometheusCollectorRegistry,
        now: @escaping @Sendable () -> Date
    ) throws -> Node {
        let tables = RuleTableStore(database: database, signingKey: key)
        try tables.seed(try RuleBook.bundledTables(), at: now(), by: "system:seed")
        let regionData = try Data(contentsOf: configuration.regionFile ?? BundledData.demoRegion)
        let rules = try RuleBook(tables: try tables.all(), regionGeoJSON: regionData)
        let node = Node(configuration: configuration, database: database, key: key, rules: rules, metrics: metrics, logger: logger, now: now)
        try node.watchlist.start()
        return node
    }

    // MARK: Accounts

    /// Creates an account with a bcrypt-hashed password (audited as `account.created`).
    @discardableResult
    public func createAccount(
        username: String, displayName: String, role: Role, jurisdiction: JurisdictionCode, certificateNumber: String?,
        password: String, by actor: String
    ) throws -> Account {
        try Self.validateUsername(username)
        guard password.count >= 8 else {
            throw DomainError(code: "password_too_short", reason: "a password needs at least 8 characters")
        }
        guard rules.current.region.jurisdiction(jurisdiction) != nil else {
            throw DomainError(code: "unknown_jurisdiction", reason: "jurisdiction \(jurisdiction) is not in this node's region")
        }
        let account = Account(
            id: UUID().uuidString.lowercased(), username: username, displayName: displayName.isEmpty ? username : displayName,
            role: role, jurisdiction: jurisdiction, certificateNumber: certificateNumber?.isEmpty == true ? nil : certificateNumber,
            createdAt: now())
        try accounts.create(account, passwordHash: Bcrypt.hash(password, cost: configuration.passwordHashCost), by: actor)
        return account
    }

    /// Checks a username and password; returns the account when both are right and the account is active.
    public func authenticate(username: String, password: String) throws -> Account? {
        guard let (account, hash) = try accounts.credentials(username: username), account.active else {
            _ = Bcrypt.verify(password, hash: decoyHash)
            return nil
        }
        return Bcrypt.verify(password, hash: hash) ? account : nil
    }

    static func validateUsername(_ username: String) throws {
        let allowed = username.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) }
        guard (2...64).contains(username.count), allowed else {
            throw DomainError(code: "invalid_username", reason: "a username is 2–64 letters, digits, '.', '_' or '-'")
        }
    }
}

extension NodeConfiguration {
    /// An in-memory test node: cheap password hashes, no dispatch sweep.
    public static var inMemoryDefault: NodeConfiguration {
        var configuration = NodeConfiguration(passwordHashCost: 4)
        configuration.dispatchSweepInterval = nil
        return configuration
    }
}
