import Testing
@testable import BulwarkCore

@Suite struct BlastRadiusTests {
    static func radius(_ p: String, recursive: Bool = true) -> BlastRadius {
        BlastRadius.of(p, home: "/home/dev", cwd: "/home/dev/proj", recursive: recursive)
    }

    @Test(arguments: [
        ("/", BlastRadius.root),
        ("/*", .root),
        ("C:/", .root),
        ("/home/dev", .home),
        ("/home/dev/*", .home),
        ("~", .home),
        ("~/*", .home),
        ("/home", .home),
        ("/root", .home),
        ("/home/dev/.*", .dotfiles),
        ("/home/dev/.config", .dotfiles),
        ("/home/dev/.bashrc", .dotfiles),
        ("/home/dev/.bash_history", .dotfiles),
        ("/home/dev/.ssh", .credentialStore),
        ("/home/dev/.ssh/*", .credentialStore),
        ("/home/dev/.aws/credentials", .credentialStore),
        ("/etc", .system),
        ("/etc/*", .system),
        ("/usr", .system),
        ("/var/log/syslog", .system),
        ("/etc/shadow", .system),
        ("/boot", .system),
        ("/dev/sda", .system),
        ("/mnt/c", .system),
        ("/home/dev/proj/build", .project),
        ("/home/dev/proj/*", .project),
        ("/home/dev/proj/.env", .project),
        ("/home/dev/proj/.git/hooks/pre-commit", .project),
        ("/tmp/x", .temp),
        ("/tmp/*", .temp),
        ("/var/cache/apt", .temp),
        ("/var/lib/apt/lists/*", .temp),
        ("/home/dev/.cache/pip", .temp),
        ("/home/dev/.npm/_cacache", .temp),
        ("/home/dev/.npm", .temp),
        ("/home/dev/other/file.txt", .file),
        ("/home/dev/Downloads", .file),
        ("/workspace/data", .file),
        ("/opt/lampp/htdocs", .file),
        ("/opt", .system),
        ("/usr/local/bin/npm", .file),
        ("/usr/local/bin", .system),
        ("/usr/local/lib/node_modules/*", .file),
    ])
    func radiusOfTargets(path: String, expected: BlastRadius) {
        #expect(Self.radius(path) == expected)
    }

    @Test func nonRecursiveOperationsOnRootOrHomeTouchOneEntry() {
        #expect(Self.radius("/", recursive: false) == .system)
        #expect(Self.radius("/home/dev", recursive: false) == .dotfiles)
        #expect(Self.radius("/*", recursive: false) == .root)
        #expect(Self.radius("/home/dev/*", recursive: false) == .home)
    }

    @Test func isOrderedFromSmallestToLargest() {
        #expect(BlastRadius.allCases.sorted() == BlastRadius.allCases)
        #expect(BlastRadius.temp < BlastRadius.project)
        #expect(BlastRadius.credentialStore < BlastRadius.system)
        #expect(BlastRadius.root.description == "the whole filesystem")
        #expect(BlastRadius.home.description == "the home directory")
    }
}
