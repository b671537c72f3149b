import Foundation

/// The data files shipped with Xiezhi: the demo region and the rule tables.
///
/// Every legal number the code applies lives in `rules/` with the article it comes from; the code only reads
/// it. Operators can point a node at their own copies (see the README, "Configuration").
public enum BundledData {
    /// The folder holding `region/` and `rules/`.
    public static var root: URL { Bundle.module.resourceURL! }

    /// `region/demo-region.geojson`: the Zhejiang–Shanghai–Jiangsu demo region.
    public static var demoRegion: URL { root.appendingPathComponent("region/demo-region.geojson") }

    /// The folder with the rule tables (`*.json`, each number with its citation).
    public static var rules: URL { root.appendingPathComponent("rules") }

    /// Reads one rule table by file name, e.g. `penalty-benchmarks.json`.
    public static func rulesFile(_ name: String) throws -> Data {
        try Data(contentsOf: rules.appendingPathComponent(name))
    }
}
