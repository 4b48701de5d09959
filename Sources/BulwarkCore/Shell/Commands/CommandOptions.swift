/// Options through which a program runs a shell command of the caller's choosing:
/// `tar --checkpoint-action=exec=CMD`, `zip -TT CMD`, `man -P CMD`, `vim -c '!CMD'`,
/// `git -c alias.x='!CMD' x`, `gdb -ex 'shell CMD'`, `rsync -e CMD`. What CMD
/// does is judged like any command line (so `tar … --checkpoint-action=exec='rm -rf ~'` is a
/// home deletion), beside the escape rules that flag a shell handed over this way.
extension ShellAnalyzer {
    /// How an option carries its command: the option's spellings, and a prefix the value must
    /// have (removed before running; `nil`: any value is a command).
    struct CommandOption {
        var names: [String]
        var valuePrefix: String? = nil
    }

    static let commandOptions: [String: [CommandOption]] = [
        "tar": [
            CommandOption(names: ["--checkpoint-action"], valuePrefix: "exec="),
            CommandOption(names: ["--to-command", "--use-compress-program", "-I", "--rsh-command", "--info-script", "-F", "--new-volume-script"]),
        ],
        "zip": [CommandOption(names: ["-TT", "--unzip-command"])],
        "man": [CommandOption(names: ["-P", "--pager", "-H", "--html"])],
        "rsync": [CommandOption(names: ["-e", "--rsh"])],
        "vim": vimCommands, "vi": vimCommands, "nvim": vimCommands, "view": vimCommands, "ex": vimCommands, "rvim": vimCommands,
        "gdb": [
            CommandOption(names: ["-ex", "--ex", "-eval-command", "--eval-command"], valuePrefix: "!"),
            CommandOption(names: ["-ex", "--ex", "-eval-command", "--eval-command"], valuePrefix: "shell "),
        ],
        "git": [CommandOption(names: ["-c"], valuePrefix: "alias.")],
    ]

    static let vimCommands = [
        CommandOption(names: ["-c", "--cmd"], valuePrefix: "!"),
        CommandOption(names: ["-c", "--cmd"], valuePrefix: ":!"),
        CommandOption(names: ["+"], valuePrefix: "!"),
        CommandOption(names: ["+"], valuePrefix: ":!"),
    ]

    /// Runs the commands that `inv`'s options hand to a shell (at most 8 per command).
    mutating func runOptionCommands(_ inv: CommandInvocation) {
        guard inv.traits.contains(.optionCommands), let options = Self.commandOptions[inv.name] else { return }
        var codes: [String] = []
        let args = Array(inv.arguments)
        var k = 0
        while k < args.count, codes.count < 8 {
            let arg = args[k]
            k += 1
            if arg == "--" { break }
            for option in options {
                for name in option.names {
                    var value: String? = nil
                    if name == "+" {
                        if arg.hasPrefix("+"), arg.count > 1 { value = String(arg.dropFirst()) }
                    } else if arg == name, k < args.count {
                        value = args[k]
                    } else if name.hasPrefix("--"), arg.hasPrefix(name + "=") {
                        value = String(arg.dropFirst(name.count + 1))
                    }
                    guard var code = value else { continue }
                    if let prefix = option.valuePrefix {
                        guard code.hasPrefix(prefix) else { continue }
                        code.removeFirst(prefix.count)
                        // `git -c alias.NAME=!CMD`: only a `!` alias runs a shell command.
                        if inv.name == "git" {
                            guard let bang = code.firstIndex(of: "="), code[code.index(after: bang)...].hasPrefix("!") else { continue }
                            code = String(code[code.index(bang, offsetBy: 2)...])
                        }
                    }
                    if !code.isEmpty { codes.append(code) }
                }
            }
        }
        for code in codes {
            _ = runScript(code, origin: .wrapper, inv: inv, privileged: inv.privileged, stdin: nil)
        }
    }
}
