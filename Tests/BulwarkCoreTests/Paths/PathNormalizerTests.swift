import Testing
@testable import BulwarkCore

@Suite struct PathNormalizerTests {
    static let known = PathNormalizer(cwd: "/home/dev/proj", home: "/home/dev")
    static let unknown = PathNormalizer(cwd: nil, home: nil)

    @Test(arguments: [
        ("README.md", "/home/dev/proj/README.md"),
        ("./src/../src/main.swift", "/home/dev/proj/src/main.swift"),
        ("../other/x", "/home/dev/other/x"),
        ("../../../../../../etc/passwd", "/etc/passwd"),
        ("~", "/home/dev"),
        ("~/", "/home/dev"),
        ("~/.ssh/id_rsa", "/home/dev/.ssh/id_rsa"),
        ("$HOME/.aws/credentials", "/home/dev/.aws/credentials"),
        ("${HOME}/.bashrc", "/home/dev/.bashrc"),
        ("$HOMEDIR/x", "/home/dev/proj/$HOMEDIR/x"),
        ("~alice/.ssh/id_rsa", "/home/alice/.ssh/id_rsa"),
        ("~root/.bashrc", "/root/.bashrc"),
        ("~+/build", "/home/dev/proj/build"),
        ("$PWD/a.txt", "/home/dev/proj/a.txt"),
        ("//etc///passwd", "/etc/passwd"),
        ("/etc/", "/etc"),
        ("/", "/"),
        ("/..", "/"),
        ("/./", "/"),
        ("/tmp/a/./b/../c/", "/tmp/a/c"),
        (".", "/home/dev/proj"),
        ("  src/app.ts  ", "/home/dev/proj/src/app.ts"),
        ("C:\\Users\\x\\.ssh\\id_rsa", "C:/Users/x/.ssh/id_rsa"),
        ("c:\\Windows\\System32\\..\\win.ini", "C:/Windows/win.ini"),
        ("%USERPROFILE%\\.aws\\credentials", "/home/dev/.aws/credentials"),
        ("/proc/self/root/etc/shadow", "/etc/shadow"),
        ("/proc/1234/root/root/.ssh/id_rsa", "/root/.ssh/id_rsa"),
        ("/proc/self/cwd/.env", "/home/dev/proj/.env"),
        ("/etc/*", "/etc/*"),
        ("", ""),
        ("   ", ""),
    ])
    func normalizesAgainstKnownCwdAndHome(raw: String, expected: String) {
        #expect(Self.known.normalize(raw) == expected)
    }

    @Test(arguments: [
        ("~", "~"),
        ("~/.ssh/id_rsa", "~/.ssh/id_rsa"),
        ("$HOME/.bashrc", "~/.bashrc"),
        ("${HOME}", "~"),
        ("~/../bob/.ssh", "/home/bob/.ssh"),
        ("~/a/../../..", "/"),
        ("src/./main.swift", "src/main.swift"),
        ("a/../../b", "../b"),
        ("./", "."),
        ("/var/log/../../etc/shadow", "/etc/shadow"),
        ("~+/x", "~+/x"),
    ])
    func keepsHomeVisibleWhenUnknown(raw: String, expected: String) {
        #expect(Self.unknown.normalize(raw) == expected)
    }

    @Test func normalizesItsOwnCwdAndHome() {
        let n = PathNormalizer(cwd: "~/proj/", home: "/Users/me/")
        #expect(n.home == "/Users/me")
        #expect(n.cwd == "/Users/me/proj")
        #expect(n.normalize("x") == "/Users/me/proj/x")
    }

    @Test func rootCwdDoesNotDoubleSlash() {
        #expect(PathNormalizer(cwd: "/", home: nil).normalize("etc/passwd") == "/etc/passwd")
    }

    @Test func posixBackslashPathsAreLeftAlone() {
        #expect(Self.known.normalize("/tmp/a\\b/c") == "/tmp/a\\b/c")
    }
}
