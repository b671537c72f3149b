extension VehicleMonitoringRules {
    /// Every number the table holds, each with its citation, in file order: for an audit, the console and the tests.
    ///
    /// Units: `km_per_h`, `metres`, `km`, `seconds`, `minutes`, `hours`, `percent`, `clock_minute` (a window's start or
    /// end as minutes after China midnight).
    public var citedNumbers: [CitedNumber] {
        var out: [CitedNumber] = []
        func add(_ path: String, _ value: Int, _ unit: String, _ citation: Citation) {
            out.append(CitedNumber(path: path, value: value, unit: unit, citation: citation))
        }
        func add(_ path: String, _ cited: CitedValue, _ unit: String) {
            add(path, cited.value, unit, cited.citation)
        }
        add("movingSpeedKmh", movingSpeedKmh, "km_per_h")
        add("nightWindow.from", nightWindow.window.startMinute, "clock_minute", nightWindow.citation)
        add("nightWindow.to", nightWindow.window.endMinute, "clock_minute", nightWindow.citation)
        add("roadMatchToleranceMetres", roadMatchToleranceMetres, "metres")
        for (index, row) in speedLimits.enumerated() {
            add("speedLimits[\(index)].limitKmh", row.limitKmh, "km_per_h", row.citation)
        }
        add("nightSpeed.percentOfDayLimit", nightSpeed.percentOfDayLimit, "percent", nightSpeed.citation)
        add("speedingMinimumSeconds", speedingMinimumSeconds, "seconds")
        add("fatigue.continuousDayMinutes", fatigue.continuousDayMinutes, "minutes")
        add("fatigue.continuousNightMinutes", fatigue.continuousNightMinutes, "minutes")
        add("fatigue.minimumRestMinutes", fatigue.minimumRestMinutes, "minutes")
        add("fatigue.dailyMaxMinutes", fatigue.dailyMaxMinutes, "minutes")
        add("fatigue.dailyWindowHours", fatigue.dailyWindowHours, "hours")
        add("earlyMorningBan.from", earlyMorningBan.window.startMinute, "clock_minute", earlyMorningBan.citation)
        add("earlyMorningBan.to", earlyMorningBan.window.endMinute, "clock_minute", earlyMorningBan.citation)
        add("earlyMorningBan.shortHaulMaxKm", earlyMorningBan.shortHaulMaxKm, "km")
        add("routeDeviation.corridorMetres", routeDeviation.corridorMetres, "metres")
        add("routeDeviation.minimumMinutes", routeDeviation.minimumMinutes, "minutes")
        add("waybill.tripBreakMinutes", waybill.tripBreakMinutes, "minutes")
        add("jointZoneEntry.reentryQuietMinutes", jointZoneEntry.reentryQuietMinutes, "minutes")
        add("signalLost.silentMinutes", signalLost.silentMinutes, "minutes")
        return out
    }
}
