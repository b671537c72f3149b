/// One legal number in the benchmarks with the citation it stands beside, for audits and the console.
public struct CitedNumber: Hashable, Sendable, Codable {
    /// Where it is, e.g. `33.overload.bands[0].yuanPerTonne`.
    public var path: String
    /// The number as written in the file.
    public var value: Int
    /// `kg`, `percent_of_limit`, `yuan`, `yuan_per_tonne`, `mm`.
    public var unit: String
    /// The citation beside it.
    public var citation: Citation

    /// Creates an entry of the list.
    public init(path: String, value: Int, unit: String, citation: Citation) {
        self.path = path
        self.value = value
        self.unit = unit
        self.citation = citation
    }
}

extension PenaltyBenchmarks {
    /// Every number the benchmarks hold, each with its citation, in file order.
    ///
    /// The type system already makes a citation mandatory beside each number; this list lets an audit (or a
    /// test) show it number by number.
    public var citedNumbers: [CitedNumber] {
        var out: [CitedNumber] = []
        func add(_ path: String, _ value: Int, _ unit: String, _ citation: Citation) {
            out.append(CitedNumber(path: path, value: value, unit: unit, citation: citation))
        }
        func add(_ path: String, _ threshold: MassThreshold, _ citation: Citation) {
            switch threshold {
            case .kg(let kg): add(path + "Kg", kg, "kg", citation)
            case .percentOfLimit(let percent): add(path + "PercentOfLimit", percent, "percent_of_limit", citation)
            }
        }
        for entry in entries {
            if let rule = entry.combinedViolations {
                add("\(entry.code).combinedViolations.capYuan", rule.capYuan, "yuan", rule.citation)
            }
            for (id, benchmark) in entry.violations.sorted(by: { $0.key < $1.key }) {
                guard case .scale(let scale, _) = benchmark else { continue }
                let base = "\(entry.code).\(id)"
                switch scale {
                case .massExcess(let mass):
                    if let lenient = mass.lenient { add("\(base).lenient.upTo", lenient.upTo, lenient.citation) }
                    for (index, band) in mass.bands.enumerated() {
                        add("\(base).bands[\(index)].from", band.from, band.citation)
                        if let to = band.to { add("\(base).bands[\(index)].to", to, band.citation) }
                        add("\(base).bands[\(index)].yuanPerTonne", band.yuanPerTonne, "yuan_per_tonne", band.citation)
                    }
                    add("\(base).cap.yuan", mass.cap.yuan, "yuan", mass.cap.citation)
                case .dimensionBands(let dimensions):
                    for dimension in Dimension.allCases {
                        add("\(base).limits.\(dimension.rawValue)Mm", dimensions.limits.sizes[dimension], "mm", dimensions.limits.citation)
                    }
                    for (index, band) in dimensions.bands.enumerated() {
                        for dimension in Dimension.allCases {
                            if let maxima = band.maxima {
                                add("\(base).bands[\(index)].max\(dimension.rawValue.capitalized)Mm", maxima[dimension], "mm", band.citation)
                            }
                        }
                        add("\(base).bands[\(index)].minYuan", band.minYuan, "yuan", band.citation)
                        add("\(base).bands[\(index)].maxYuan", band.maxYuan, "yuan", band.citation)
                        if case .fixed(let fixed) = band.pick {
                            add("\(base).bands[\(index)].pick.yuan", fixed.yuan, "yuan", fixed.citation)
                        }
                    }
                }
            }
        }
        return out
    }
}
