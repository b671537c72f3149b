extension DimensionBandScale {
    /// Prices measured dimensions: no violation, or the highest band any dimension falls in, with the amount
    /// its pick rule chooses inside the band's range.
    func price(_ facts: DimensionFacts) throws -> PricedScale {
        if let problem {
            throw DomainError(code: "invalid_benchmark_value", reason: "the dimension_bands scale cannot price: \(problem)")
        }
        let measured = DimensionSizes(heightMm: facts.heightMm, widthMm: facts.widthMm, lengthMm: facts.lengthMm)
        let limit = limits.sizes
        let factsLine = Dimension.allCases.map { dimension in
            "车货\(dimension.chineseName) \(NoticeFormat.metresText(mm: measured[dimension]))（限值 \(NoticeFormat.metresText(mm: limit[dimension]))）"
        }.joined(separator: "，")

        // The band of each dimension over its limit: the first whose maximum it does not exceed.
        let over = Dimension.allCases.filter { measured[$0] > limit[$0] }
        guard !over.isEmpty else {
            let step = PenaltyStep(kind: .noViolation, label: "未超限", line: "\(factsLine)，未超过外廓尺寸限值，不构成超限运输违法行为")
            return PricedScale(outcome: .none, amount: .zero, steps: [step], citations: [])
        }
        var steps = [PenaltyStep(kind: .facts, label: "外廓尺寸", line: factsLine)]
        var bandOf: [Dimension: Int] = [:]
        for dimension in over {
            // The last band is open-ended (`problem` is nil), so some band always matches.
            let index = bands.firstIndex { band in band.maxima.map { measured[dimension] <= $0[dimension] } ?? true }!
            bandOf[dimension] = index
            let excess = measured[dimension] - limit[dimension]
            steps.append(PenaltyStep(
                kind: .facts, label: "\(dimension.chineseName)超限", quantity: Measure.metres(mm: excess),
                line: "\(dimension.chineseName)超出限值 \(NoticeFormat.metresText(mm: excess))，属\(bands[index].labelZh)"
            ))
        }
        let bandIndex = bandOf.values.max()!  // `over` is not empty
        let band = bands[bandIndex]
        let rangeText = NoticeFormat.range(minYuan: band.minYuan, maxYuan: band.maxYuan)
        steps.append(PenaltyStep(kind: .range, label: band.labelZh, line: "适用\(band.labelZh)：罚款 \(rangeText)"))
        var citations = [limits.citation, band.citation]

        var amount: Money
        switch band.pick {
        case .fixed(let fixed):
            amount = fixed.money
            citations.append(fixed.citation)
            steps.append(PenaltyStep(
                kind: .pick, label: "裁量取值", amount: amount,
                line: "按裁量基准在\(band.labelZh)幅度内取 \(NoticeFormat.yuanText(amount))"
            ))
        case .proportionalToWorstExcess:
            let worst = proportionalPosition(measured: measured, band: bandIndex, dimensions: over.filter { bandOf[$0] == bandIndex })
            let low = Money(yuan: band.minYuan)
            let high = Money(yuan: band.maxYuan)
            amount = Money(fen: low.fen + (high.fen - low.fen) * worst.numerator / worst.denominator)
            let share = NoticeFormat.percent(hundredths: NoticeFormat.percentHundredths(part: worst.numerator, of: worst.denominator))
            steps.append(PenaltyStep(
                kind: .pick, label: "按超限程度取值", quantity: Measure(value: Double(worst.numerator) / Double(worst.denominator) * 100, unit: "percent"),
                amount: amount,
                line: "按超限最严重的一项取值：\(worst.dimension.chineseName) \(NoticeFormat.metresText(mm: measured[worst.dimension]))"
                    + "位于本档 \(NoticeFormat.metres(mm: worst.from))–\(NoticeFormat.metres(mm: worst.to)) 米区间的 \(share)，"
                    + "\(NoticeFormat.yuan(low)) + (\(NoticeFormat.yuan(high)) − \(NoticeFormat.yuan(low))) × \(share) = \(NoticeFormat.yuanText(amount))"
            ))
        }

        let rounded = amountRounding.apply(to: amount)
        if rounded != amount {
            steps.append(PenaltyStep(
                kind: .rounding, label: amountRounding.chineseName, amount: rounded,
                line: "\(NoticeFormat.yuanText(amount))\(amountRounding.chineseName)为 \(NoticeFormat.yuanText(rounded))"
            ))
        }
        steps.append(PenaltyStep(kind: .total, label: "合计", amount: rounded, line: "合计 \(NoticeFormat.yuanText(rounded))"))
        return PricedScale(outcome: .fine, amount: rounded, steps: steps, citations: citations)
    }

    /// Where the worst dimension sits inside the band's size interval, as an exact fraction in (0, 1].
    private func proportionalPosition(
        measured: DimensionSizes, band index: Int, dimensions: [Dimension]
    ) -> (dimension: Dimension, from: Int, to: Int, numerator: Int, denominator: Int) {
        let floor = index == 0 ? limits.sizes : bands[index - 1].maxima!
        let ceiling = bands[index].maxima!  // `problem` is nil: proportional picks only in bands with maxima
        var best: (dimension: Dimension, from: Int, to: Int, numerator: Int, denominator: Int)?
        for dimension in dimensions {
            let numerator = measured[dimension] - floor[dimension]
            let denominator = ceiling[dimension] - floor[dimension]
            if let current = best, numerator * current.denominator <= current.numerator * denominator { continue }
            best = (dimension, floor[dimension], ceiling[dimension], numerator, denominator)
        }
        return best!
    }
}
