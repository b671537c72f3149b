extension OverloadLimits {
    /// Every number the limits hold, each with its citation, in file order: for an audit, the console and the tests.
    ///
    /// Units: `kg`, `mm`, `percent` (the value in hundredths of a percent), `axles`, `km_per_h`.
    public var citedNumbers: [CitedNumber] {
        var out: [CitedNumber] = []
        func add(_ path: String, _ value: Int, _ unit: String, _ citation: Citation) {
            out.append(CitedNumber(path: path, value: value, unit: unit, citation: citation))
        }
        for (index, row) in grossLimits.enumerated() {
            add("grossLimits[\(index)].axles", row.axles, "axles", row.citation)
            add("grossLimits[\(index)].limitKg", row.limitKg, "kg", row.citation)
        }
        let reduction = singleTyreReduction
        add("singleTyreReduction.reductionKg", reduction.reductionKg, "kg", reduction.citation)
        let allowance = airSuspensionAllowance
        for (index, count) in allowance.axleCounts.enumerated() {
            add("airSuspensionAllowance.axleCounts[\(index)]", count, "axles", allowance.citation)
        }
        add("airSuspensionAllowance.increaseKg", allowance.increaseKg, "kg", allowance.citation)
        let articulated = articulatedAirSuspension
        add("articulatedAirSuspension.axles", articulated.axles, "axles", articulated.citation)
        add("articulatedAirSuspension.limitKg", articulated.limitKg, "kg", articulated.citation)
        add("articulatedAirSuspension.trailerAxleSpacingMinMm", articulated.trailerAxleSpacingMinMm, "mm", articulated.citation)
        for (index, count) in registeredMassCap.axleCounts.enumerated() {
            add("registeredMassCap.axleCounts[\(index)]", count, "axles", registeredMassCap.citation)
        }
        let dimensions = dimensionLimits
        add("dimensionLimits.heightMm", dimensions.heightMm, "mm", dimensions.citation)
        add("dimensionLimits.widthMm", dimensions.widthMm, "mm", dimensions.citation)
        add("dimensionLimits.lengthMm", dimensions.lengthMm, "mm", dimensions.citation)
        add("tolerance.national.percent", tolerance.national.percentage.hundredths, "percent", tolerance.national.citation)
        for (index, override) in tolerance.overrides.enumerated() {
            add("tolerance.overrides[\(index)].percent", override.percentage.hundredths, "percent", override.citation)
        }
        let sanity = sensorSanity
        add("sensorSanity.axleSumTolerancePercent", sanity.axleSumTolerance.hundredths, "percent", sanity.citation)
        add("sensorSanity.minAxles", sanity.minAxles, "axles", sanity.citation)
        add("sensorSanity.minAxleKg", sanity.minAxleKg, "kg", sanity.citation)
        add("sensorSanity.maxAxleKg", sanity.maxAxleKg, "kg", sanity.citation)
        add("sensorSanity.maxGrossKg", sanity.maxGrossKg, "kg", sanity.citation)
        add("sensorSanity.maxSpeedKmh", sanity.maxSpeedKmh, "km_per_h", sanity.citation)
        add("sensorSanity.maxLengthMm", sanity.maxLengthMm, "mm", sanity.citation)
        add("sensorSanity.maxWidthMm", sanity.maxWidthMm, "mm", sanity.citation)
        add("sensorSanity.maxHeightMm", sanity.maxHeightMm, "mm", sanity.citation)
        for (index, tag) in tags.enumerated() {
            switch tag.threshold {
            case .overPercentAtLeast(let percent): add("tags[\(index)].overPercentAtLeast", percent * 100, "percent", tag.citation)
            case .grossKgAtLeast(let kg): add("tags[\(index)].grossKgAtLeast", kg, "kg", tag.citation)
            }
        }
        return out
    }
}
