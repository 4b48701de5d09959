/// LDAP directory changes (`ldapadd`, `ldapmodify`): an LDIF entry with a person or user object
/// class creates an account in the directory (Active Directory, OpenLDAP), as `useradd` does on
/// the machine; adding it to an admin group is critical.
extension ShellAnalyzer {
    mutating func ldapChange(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(inv.arguments, shortWithValue: ["f", "H", "h", "p", "D", "w", "y", "Y", "U", "X", "o", "O", "e", "E", "S"])
        var ldif = inv.stdinText ?? inv.stdinFragments
        if let file = scan.value("f") {
            let path = normalizer.normalize(file)
            ldif = writtenTexts[path]
            fileAccess(raw: file, path: path, mode: .read, evidence: inv.text)
        }
        guard let ldif else { return DataFlow() }
        let lower = ldif.lowercased()
        let account = ["objectclass: user", "objectclass: person", "objectclass: inetorgperson", "objectclass: posixaccount", "objectclass: organizationalperson"]
            .contains { lower.contains($0) }
        guard account || lower.contains("memberof:") || lower.contains("member:") else { return DataFlow() }
        let admin = lower.contains("admins") || lower.contains("administrators") || lower.contains("cn=admin")
        if admin {
            add("shell.privilege.admin_group", .critical, .privilegeEscalation, "Adds a directory account to an administrative group (\(inv.name))", evidence: inv.text)
        } else if account {
            add("shell.privilege.create_account", .high, score: 75, .persistence, "Creates a user account in the LDAP directory (\(inv.name))", evidence: inv.text)
        }
        return DataFlow()
    }
}
