import Hummingbird
import XiezhiStore

/// The request context of every route: Hummingbird's core storage plus the authenticated account, if any.
public struct XiezhiRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AuthenticationMiddleware`` from a valid bearer token (or, for GET, the console's session cookie).
    public var account: Account?
    /// Bodies larger than this are refused with 413 before they are decoded.
    public var maxUploadSize: Int { 1 << 20 }

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.account = nil
    }

    public var requestDecoder: APIJSON.RequestDecoder { APIJSON.RequestDecoder() }
    public var responseEncoder: APIJSON.ResponseEncoder { APIJSON.ResponseEncoder() }

    /// The authenticated account, or a 401 problem.
    public func requireAccount() throws -> Account {
        guard let account else { throw Problem.unauthorized("authentication required: send 'Authorization: Bearer TOKEN'") }
        return account
    }
}
