import Foundation

/// 核准渣土消纳点 — an approved construction-muck unloading site: a region ``Site`` of type
/// ``SiteType/unloadingSite`` and the radius around it within which a muck ship may stop.
///
/// JSON: `{"site", "radiusMetres", "citation", "note"?}`; the position, name and jurisdiction come from the region.
public struct UnloadingSiteRule: Hashable, Sendable, Codable {
    /// The region site's id, e.g. `muck-hangshen-jiashan`.
    public var site: String
    /// How far from the site's point a stop counts as at the site, metres.
    public var radiusMetres: Double
    /// The approval.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rule.
    public init(site: String, radiusMetres: Double, citation: Citation, note: String? = nil) {
        self.site = site
        self.radiusMetres = radiusMetres
        self.citation = citation
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case site, radiusMetres, citation, note }

    /// Decodes strictly (see `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let c = try WaterwayRulesDecoding.keyed(decoder, CodingKeys.self, allowed: ["site", "radiusMetres", "citation", "note"])
        site = try c.waterwayIdentifier(.site, in: decoder)
        radiusMetres = try c.waterwayNumber(.radiusMetres, in: decoder, 1...10_000)
        citation = try c.waterwayCitation(.citation, in: decoder)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}
