import Foundation

/// An approved unloading site with its region site's position, name and jurisdiction.
public struct ResolvedUnloadingSite: Hashable, Sendable {
    /// The rule (site id, radius, citation).
    public var rule: UnloadingSiteRule
    /// The region site.
    public var site: Site

    /// The site's position.
    public var location: GeoPoint { site.location }
    /// The radius within which a stop is at the site, metres.
    public var radiusMetres: Double { rule.radiusMetres }
}
