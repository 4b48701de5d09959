import ArgumentParser
import BulwarkCore
import BulwarkRuntime
import Foundation

/// Options shared by the commands that build an engine.
public struct EngineOptions: ParsableArguments {
    public init() {}

    @Option(help: "Force the input format instead of detecting it (native, mcp, claude-code, openai-chat, openai-responses, anthropic).")
    public var format: String?

    @Option(help: "Working directory used to resolve relative paths when the input does not carry one.")
    public var cwd: String?

    @Option(help: "Home directory used to resolve ~ and $HOME (default: the input's, else paths stay ~-relative).")
    public var home: String?

    @Option(help: "Agent id to attribute actions to when the input does not carry one.")
    public var agent: String?

    @Option(help: "Workspace policy file (YAML). Its thresholds and money limit, when set, replace the flags below.")
    public var policy: String?

    @Option(name: .customLong("indicators"), help: "Threat-intelligence feed file (`type: value` lines; repeatable). `bulwark serve` reloads changed feeds.")
    public var indicatorFeeds: [String] = []

    @Option(help: "Risk at or above which the decision is review.")
    public var reviewThreshold: Int = 30

    @Option(help: "Risk at or above which the decision is block.")
    public var blockThreshold: Int = 70

    @Option(help: "Money transfers above this many USD (equivalent) ask for review.")
    public var moneyThreshold: Double = 10_000

    public func validate() throws {
        if let format, InputFormat(rawValue: format) == nil {
            throw ValidationError("unknown format '\(format)'; expected one of \(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (0...100).contains(reviewThreshold), (0...100).contains(blockThreshold), reviewThreshold <= blockThreshold else {
            throw ValidationError("thresholds must be within 0...100 with --review-threshold <= --block-threshold")
        }
    }

    public var inputFormat: InputFormat? { format.flatMap(InputFormat.init(rawValue:)) }

    /// Builds the engine; a policy that cannot be loaded is an error naming its place.
    public func engine() throws -> Engine {
        let (configuration, workspace) = try parts()
        return Engine(configuration: configuration, workspace: workspace)
    }

    /// The engine's configuration and the loaded workspace policy, for callers that build
    /// engines themselves (the MCP proxy rebuilds it as it learns tools).
    public func parts() throws -> (EngineConfiguration, Policy?) {
        var configuration = EngineConfiguration()
        configuration.reviewThreshold = reviewThreshold
        configuration.blockThreshold = blockThreshold
        configuration.moneyThresholdUSD = moneyThreshold
        configuration.defaults = ActionDefaults(cwd: cwd, home: home, agent: agent)
        configuration.defaults.now = Int(Date().timeIntervalSince1970)
        let workspace = try policy.map { path throws(PolicyError) in try PolicyLoader.load(contentsOf: path) }
        if !indicatorFeeds.isEmpty { configuration.indicators = try IndicatorFeed.load(paths: indicatorFeeds) }
        return (configuration, workspace)
    }

    /// The engine, or a usage error (exit 64) that names the policy problem.
    public func engineOrExit() throws -> Engine {
        do {
            return try engine()
        } catch {
            throw ValidationError(error is PolicyError ? "policy: \(error)" : "\(error)")
        }
    }
}
