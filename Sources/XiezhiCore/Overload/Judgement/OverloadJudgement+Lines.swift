extension OverloadJudgement {
    /// 认定说明 — the judgement in Chinese sentences for the evidence package (电子证据), one finding per line:
    /// the configuration, each limit step with its article, the tolerance, the weighing against the limit, the
    /// conclusion, dimension excesses, tags, device faults and assumptions.
    ///
    /// Derived from the stored fields (not encoded); citations print as `《title》article`, marked 〔二手资料〕 or
    /// 〔未经核实〕 when the project only knows the text second-hand or not at all.
    public var judgementLines: [String] {
        var lines: [String] = [configurationLine]
        for step in adjustments { lines.append(line(for: step)) }
        if limitKg == nil, configuration.axleCount > 0 {
            lines.append("\(configuration.nameZh)未列入超限认定限值表，无法认定车货总质量限值，需人工核查")
        }
        if let toleratedKg {
            let scope = tolerance.scope == "national" ? "" : "\(tolerance.scopeNameZh)，"
            lines.append(
                "称重检测允许误差 \(tolerance.percentage)（\(scope)\(OverloadText.cite(tolerance.citation))），车货总质量不超过 \(OverloadText.kg(toleratedKg))的暂按未超限处理；超限的，按超过限值的部分计算"
            )
        }
        lines.append(weighingLine)
        lines.append("认定结论：\(overloadClass.chineseName)")
        for excess in dimensionExcesses {
            lines.append(
                "\(excess.dimension.chineseName) \(OverloadText.metres(mm: excess.measuredMm))，超过限值 \(OverloadText.metres(mm: excess.limitMm))，超出 \(OverloadText.metres(mm: excess.overMm))（\(OverloadText.cite(excess.citation))）"
            )
        }
        for tag in tags {
            lines.append("执法标签：\(tag.labelZh)（\(tag.kind.chineseName)，非法定认定标准；\(OverloadText.cite(tag.citation))）")
        }
        for fault in sensor.faults { lines.append("设备数据异常：\(text(for: fault))（\(sensor.citation.law)，\(sensor.citation.article)）") }
        for assumption in assumptions { lines.append("推定事项：\(text(for: assumption))") }
        return lines
    }

    private var configurationLine: String {
        let configuration = self.configuration
        guard configuration.axleCount > 0 else { return "车辆轴型：记录无轴重数据" }
        let groups = configuration.groups.map(\.nameZh).joined(separator: " + ")
        var parts = ["轴组 \(groups)"]
        if !configuration.driveAxles.isEmpty {
            let tyres = configuration.driveDualTyred ? "双轮胎" : "非全部双轮胎"
            let suspension = configuration.driveAirSuspended ? "空气悬架" : "非空气悬架"
            let single = configuration.driveIsSingleAxle ? "单轴，" : ""
            parts.append("驱动轴 \(OverloadText.axles(configuration.driveAxles))（\(single)\(tyres)，\(suspension)）")
        }
        if !configuration.trailerAxles.isEmpty {
            parts.append("挂车轴 \(OverloadText.axles(configuration.trailerAxles))")
        }
        if !configuration.singleTyredAxles.isEmpty {
            parts.append("单轮胎 \(OverloadText.axles(configuration.singleTyredAxles))")
        }
        return "车辆轴型：\(configuration.nameZh)，\(parts.joined(separator: "；"))"
    }

    private func line(for step: LimitAdjustment) -> String {
        let cited = OverloadText.cite(step.citation)
        let after = OverloadText.kg(step.limitAfterKg)
        switch step.kind {
        case .base:
            return "\(step.labelZh ?? configuration.nameZh)，限值 \(after)（\(cited)）"
        case .articulatedAirSuspension:
            return "四轴铰接列车驱动轴为双轮胎并装备空气悬架，限值调整为 \(after)（\(cited)）"
        case .singleTyreReduction:
            return "\(OverloadText.axles(step.axles))每侧为单轮胎，限值减少 \(OverloadText.kg(-step.changeKg))，为 \(after)（\(cited)）"
        case .airSuspensionAllowance:
            return "驱动轴（\(OverloadText.axles(step.axles))）为双轮胎并装备空气悬架，限值增加 \(OverloadText.kg(step.changeKg))，为 \(after)（\(cited)）"
        case .registeredMassCap:
            return "行驶证核定总质量 \(after)，低于上述限值，以其为限值（\(cited)）"
        }
    }

    private var weighingLine: String {
        let weighed = "实测车货总质量 \(OverloadText.kg(grossKg))"
        guard let limitKg, let overKg, let overPct else { return weighed }
        if overKg <= 0 { return "\(weighed)，未超过限值 \(OverloadText.kg(limitKg))" }
        return "\(weighed)，超过限值 \(OverloadText.kg(limitKg))，超出 \(OverloadText.kg(overKg))，超限率 \(overPct.fixed)"
    }

    private func text(for fault: SensorFault) -> String {
        let measured = fault.measured
        let bound = fault.bound
        func kg(_ value: Double?) -> String { value.map(OverloadText.kg(measured:)) ?? "无效值" }
        switch fault.kind {
        case .noAxles:
            return "记录无轴重数据"
        case .tooFewAxles:
            return "仅 \(OverloadText.count(measured)) 个轴，货车至少 \(OverloadText.count(bound)) 个轴"
        case .axleWeightImplausible:
            let axle = fault.axle.map { "第\($0)轴" } ?? "轴"
            let low = (measured ?? 0) < (bound ?? 0)
            return "\(axle)轴重 \(kg(measured))，\(low ? "低于合理下限" : "高于合理上限") \(kg(bound))"
        case .grossImplausible:
            return (bound ?? 0) == 0
                ? "车货总质量 \(kg(measured))，不是正数"
                : "车货总质量 \(kg(measured))，高于合理上限 \(kg(bound))"
        case .axleSumMismatch:
            let difference = abs((measured ?? 0) - Double(grossKg))
            return "各轴轴重之和 \(kg(measured))，车货总质量 \(OverloadText.kg(grossKg))，相差 \(kg(difference))，超过总质量的 \(sensor.axleSumTolerance)（\(kg(bound))）"
        case .speedImplausible:
            let speed = measured.map { OverloadText.decimal($0) + " 千米/小时" } ?? "无效值"
            return "车速 \(speed)，不在合理范围（0–\(OverloadText.count(bound)) 千米/小时）"
        case .axleGroupsInconsistent:
            return "轴组编号不连续\(fault.axle.map { "（第\($0)轴）" } ?? "")，同一轴组的轴应当相邻"
        case .noDriveAxle:
            return "未标示驱动轴"
        case .dimensionImplausible:
            let name = fault.dimension?.chineseName ?? "外廓尺寸"
            let value = measured.map { $0.isFinite && $0.magnitude < 1e12 ? OverloadText.metres(mm: Int($0.rounded())) : "无效值" } ?? "无效值"
            return "\(name)测量值 \(value)，不在合理范围（大于 0 且不超过 \(OverloadText.metres(mm: Int(OverloadText.count(bound)) ?? 0))）"
        }
    }

    private func text(for assumption: JudgementAssumption) -> String {
        switch assumption.kind {
        case .tyreWidthUnknown:
            return "\(OverloadText.axles(assumption.axles))单轮胎的宽度无法由称重设备测得，按普通单轮胎减少限值；如为符合国家标准的加宽轮胎，不应减少，请核查照片"
        case .wideTyresExempt:
            return "\(OverloadText.axles(assumption.axles))为符合国家标准的加宽轮胎，不减少限值"
        case .trailerAxleSpacingAssumed:
            let spacing = assumption.spacingMm.map { "（不小于 \(NoticeFormat.grouped($0)) 毫米）" } ?? ""
            let limit = assumption.limitKg.map { "，适用 \(OverloadText.kg($0))限值" } ?? ""
            return "半挂车轴距\(spacing)及铰接列车构造无法由称重设备测得，按有利于当事人的原则推定满足\(limit)"
        case .trailerAxleSpacingNotAssumed:
            let spacing = assumption.spacingMm.map { "（不小于 \(NoticeFormat.grouped($0)) 毫米）" } ?? ""
            let limit = assumption.limitKg.map { "，未适用 \(OverloadText.kg($0))限值" } ?? ""
            return "半挂车轴距\(spacing)及铰接列车构造无法由称重设备测得\(limit)；当事人可提供证明"
        case .registeredMassIgnored:
            return "行驶证核定总质量数据无效（不是正数），未适用"
        }
    }
}

/// How the judgement prints numbers and citations in Chinese.
enum OverloadText {
    /// `49,000 千克`.
    static func kg(_ value: Int) -> String {
        value == Int.min ? "超出范围的数值" : "\(NoticeFormat.grouped(value)) 千克"
    }

    /// `49,000 千克` from a measured value that may be anything a device sent (`Int.max`, −10).
    static func kg(measured value: Double) -> String {
        value.isFinite && value.magnitude < 1e15 ? kg(Int(value.rounded())) : "超出范围的数值"
    }

    /// A small count or bound as digits; `0` when absent or absurd.
    static func count(_ value: Double?) -> String {
        guard let value, value.isFinite, value.magnitude < 1e15 else { return "0" }
        return "\(Int(value.rounded()))"
    }

    /// `4.30 米`.
    static func metres(mm: Int) -> String {
        if mm == Int.min { return "超出范围的数值" }
        return mm < 0 ? "-" + NoticeFormat.metresText(mm: -mm) : NoticeFormat.metresText(mm: mm)
    }

    /// `第4、5轴`, `第2轴`.
    static func axles(_ positions: [Int]) -> String {
        "第" + positions.map(String.init).joined(separator: "、") + "轴"
    }

    /// `120`, `87.5`: at most one decimal.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite, value.magnitude < 1e15 else { return "超出范围的数值" }
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// `《超限运输车辆行驶公路管理规定》第三条第一款第（八）项`: the law's title without its parenthesised issuing
    /// details, then the article, then 〔二手资料〕 / 〔未经核实〕 by confidence.
    static func cite(_ citation: Citation) -> String {
        let law = citation.law
        let title = law.firstIndex(of: "（").map { $0 == law.startIndex ? law : String(law[..<$0]) } ?? law
        let marker: String
        switch citation.confidence {
        case .text: marker = ""
        case .secondary: marker = "〔二手资料〕"
        case .unverified: marker = "〔未经核实〕"
        }
        return "《\(title)》\(citation.article)\(marker)"
    }
}
