import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Builds the node's HTTP application: middleware, the console's files, and every API route with its declared
/// access. Tests call this with an in-memory node and port 0.
///
/// The application's service group holds the HTTP server and the audit checkpoint service; `runService()` shuts
/// them down gracefully on SIGTERM or SIGINT (the checkpoint service signs the log's head on its way out).
public func buildApplication(node: Node, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    let (router, _) = buildRouter(node: node)
    let logger = node.logger
    let configuredPort = node.configuration.httpPort
    return Application(
        router: router,
        configuration: .init(address: .hostname(node.configuration.httpHost, port: node.configuration.httpPort), serverName: "xiezhi"),
        services: services(node),
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuredPort
            logger.info("node listening", metadata: ["http.host": "\(node.configuration.httpHost)", "http.port": "\(port)"])
            await onServerRunning(port)
        },
        logger: node.logger)
}

/// The node's long-running services besides HTTP: the audit checkpoints, the federation outbox's delivery, the dispatch
/// sweep, the JT/T 808 gateway and the AIS feeds when configured (with the vessel ingest's flush timer), the demo's
/// weigh traffic when asked for.
func services(_ node: Node) -> [any Service] {
    var services: [any Service] = [AuditCheckpointService(node: node), FederationDelivery(node: node)]
    if let interval = node.configuration.dispatchSweepInterval {
        // The dispatch rules: routine alerts dispatched, orders not accepted in time escalated.
        let dispatch = DispatchService(node: node)
        services.append(PeriodicService(interval: interval, runsAtStart: true) { dispatch.sweep() })
    }
    if let address = node.configuration.jt808Address {
        services.append(JT808Gateway(node: node, host: address.host, port: address.port))
        // Signal lost while moving.
        let monitoring = node.vehicleMonitoring
        services.append(PeriodicService(interval: .seconds(30)) { await monitoring.sweep() })
        if node.configuration.simulatedTerminals > 0 {
            let host = address.host == "0.0.0.0" ? "127.0.0.1" : address.host
            services.append(DemoTerminalFleet(node: node, count: node.configuration.simulatedTerminals, host: host, port: address.port))
        }
    }
    if node.configuration.simulateWeighTraffic { services.append(WeighTrafficFeed(node: node)) }
    if !node.configuration.aisFeeds.isEmpty {
        let ingest = node.vesselIngest
        for feed in node.configuration.aisFeeds {
            services.append(feed.makeService(options: node.configuration.aisFeedOptions, logger: node.logger, now: node.now) { message in
                await ingest.accept(message)
            })
        }
        services.append(VesselIngestService(ingest: ingest))
        // Passages whose AIS window has closed, AIS gaps.
        let waterway = node.waterwayMonitoring
        services.append(PeriodicService(interval: .seconds(10)) { await waterway.sweep() })
        if node.configuration.simulateWaterwayTraffic,
           case .tcpListen(let host, let port)? = node.configuration.aisFeeds.first(where: { if case .tcpListen = $0 { true } else { false } })
        {
            services.append(WaterwayTrafficFeed(node: node, host: host == "0.0.0.0" ? "127.0.0.1" : host, port: port))
        }
    }
    return services
}

/// The router and the catalog of declared API routes (the route × role test and the OpenAPI test read it).
public func buildRouter(node: Node) -> (Router<XiezhiRequestContext>, [APIRoute]) {
    let router = Router(context: XiezhiRequestContext.self)
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: MetricsMiddleware())
    if let console = ConsoleFiles.directory {
        router.add(middleware: FileMiddleware(console.path, searchForIndexHtml: true, logger: node.logger))
    }
    router.add(middleware: AuthenticationMiddleware(accounts: node.accounts, now: node.now))
    let api = APIRouter(router: router)
    let controllers: [any APIController] = [
        HealthController(node: node),
        SessionController(node: node),
        AccountController(node: node),
        RuleTableController(node: node),
        RegionController(node: node),
        PenaltyController(node: node),
        SubjectController(node: node),
        CaseController(node: node),
        PenaltyRecordController(node: node),
        WeighStationController(node: node),
        WeighRecordController(node: node),
        VehicleController(node: node),
        VesselController(node: node),
        WaterwayController(node: node),
        AlertController(node: node),
        WaybillController(node: node),
        UnitController(node: node),
        DispatchController(node: node),
        CommandController(node: node),
        ReportController(node: node),
        AuditController(node: node),
        FederationController(node: node),
        ReferralController(node: node),
        WatchlistController(node: node),
        JointOperationController(node: node),
        JointMeetingController(node: node),
        AssessmentController(node: node),
        MetricsController(node: node),
        OpenAPIController(),
    ]
    for controller in controllers { controller.register(on: api) }
    return (router, api.catalog)
}

/// A group of routes for one resource.
protocol APIController {
    func register(on api: APIRouter)
}
