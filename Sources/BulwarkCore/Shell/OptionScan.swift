/// GNU-style option scanning for the command catalogue: `-rf`, `-r -f`, `--recursive`,
/// `-o file`, `-ofile`, `--output=file`, `--output file`, and `--` ending the options.
struct OptionScan {
    var short: Set<Character> = []
    var long: Set<String> = []
    var values: [String: [String]] = [:]
    var operands: [String] = []

    init(_ args: ArraySlice<String>, shortWithValue: Set<Character> = [], longWithValue: Set<String> = [], stopAtFirstOperand: Bool = false) {
        var index = args.startIndex
        var optionsEnded = false
        while index < args.endIndex {
            let arg = args[index]
            index += 1
            if optionsEnded || arg == "-" || !arg.hasPrefix("-") {
                operands.append(arg)
                if stopAtFirstOperand { optionsEnded = true }
                continue
            }
            if arg == "--" {
                optionsEnded = true
                continue
            }
            if arg.hasPrefix("--") {
                let body = arg.dropFirst(2)
                if let eq = body.firstIndex(of: "=") {
                    let name = String(body[..<eq])
                    long.insert(name)
                    values[name, default: []].append(String(body[body.index(after: eq)...]))
                } else {
                    let name = String(body)
                    long.insert(name)
                    if longWithValue.contains(name), index < args.endIndex {
                        values[name, default: []].append(args[index])
                        index += 1
                    }
                }
                continue
            }
            // A cluster of short options; one that takes a value consumes the rest or the next word.
            let letters = Array(arg.dropFirst())
            var k = 0
            while k < letters.count {
                let letter = letters[k]
                short.insert(letter)
                if shortWithValue.contains(letter) {
                    let rest = String(letters[(k + 1)...])
                    if !rest.isEmpty {
                        values[String(letter), default: []].append(rest)
                    } else if index < args.endIndex {
                        values[String(letter), default: []].append(args[index])
                        index += 1
                    }
                    break
                }
                k += 1
            }
        }
    }

    func has(_ letter: Character) -> Bool { short.contains(letter) }
    func has(long name: String) -> Bool { long.contains(name) }
    func value(_ key: String) -> String? { values[key]?.last }
    func allValues(_ keys: String...) -> [String] { keys.flatMap { values[$0] ?? [] } }
}
