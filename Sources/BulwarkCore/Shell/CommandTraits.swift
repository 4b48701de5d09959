/// What the analyzer's tables say about a command name, looked up once per invocation.
///
/// Every command passes a dozen checks that each ask "is this a shell, an interpreter, a
/// reader…"; hashing the name against each table costs more than the checks themselves on
/// long scripts. The tables stay the source of truth; this is their index by name.
struct CommandTraits: OptionSet, Sendable {
    let rawValue: UInt16

    static let shell = CommandTraits(rawValue: 1 << 0)
    static let interpreter = CommandTraits(rawValue: 1 << 1)
    static let wrapper = CommandTraits(rawValue: 1 << 2)
    static let offensiveTool = CommandTraits(rawValue: 1 << 3)
    static let fileReader = CommandTraits(rawValue: 1 << 4)
    static let readerAfterHandler = CommandTraits(rawValue: 1 << 5)
    static let patternFirst = CommandTraits(rawValue: 1 << 6)
    static let textPassThrough = CommandTraits(rawValue: 1 << 7)
    static let archiver = CommandTraits(rawValue: 1 << 8)
    static let dataCommand = CommandTraits(rawValue: 1 << 9)
    static let linkerTool = CommandTraits(rawValue: 1 << 10)
    static let catalogued = CommandTraits(rawValue: 1 << 11)
    static let optionCommands = CommandTraits(rawValue: 1 << 12)

    /// The traits of the command called `name` (already lower-cased and without a directory).
    init(name: String) {
        self = Self.table[name] ?? []
    }

    init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    private static let table: [String: CommandTraits] = {
        var table: [String: CommandTraits] = [:]
        func mark<S: Sequence<String>>(_ names: S, _ trait: CommandTraits) {
            for name in names { table[name, default: []].insert(trait) }
        }
        mark(ShellAnalyzer.shells, .shell)
        mark(ShellAnalyzer.interpreters.keys, .interpreter)
        mark(ShellAnalyzer.wrappers.keys, .wrapper)
        mark(ShellAnalyzer.offensiveTools.keys, .offensiveTool)
        mark(ShellAnalyzer.fileReaders, .fileReader)
        mark(ShellAnalyzer.readersAfterHandler, .readerAfterHandler)
        mark(ShellAnalyzer.patternFirst, .patternFirst)
        mark(ShellAnalyzer.textPassThrough, .textPassThrough)
        mark(ShellAnalyzer.archivers, .archiver)
        mark(ShellAnalyzer.dataCommands, .dataCommand)
        mark(ShellAnalyzer.linkerTools, .linkerTool)
        mark(ShellAnalyzer.catalogue.keys, .catalogued)
        mark(ShellAnalyzer.commandOptions.keys, .optionCommands)
        return table
    }()
}
