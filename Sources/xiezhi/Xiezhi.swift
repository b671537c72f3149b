import ArgumentParser

/// `xiezhi`: the command line of a Xiezhi node. Each command only parses its arguments and calls into the
/// library targets.
@main
struct Xiezhi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xiezhi",
        abstract: "Xiezhi (獬豸): a cross-regional transport law-enforcement node.",
        subcommands: [Serve.self, Demo.self, Users.self, Penalty.self, Audit.self, Region.self, Import.self, Wim.self, Ais.self, Terminals.self, Simulate.self, Bench.self])
}
