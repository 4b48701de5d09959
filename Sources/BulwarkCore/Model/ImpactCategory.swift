/// What an action does, in the vocabulary of the impact layer.
public enum ImpactCategory: String, Sendable, CaseIterable {
    case destructiveFS = "destructive_fs"
    case remoteCodeExecution = "remote_code_execution"
    case exfiltration
    case credentialAccess = "credential_access"
    case privilegeEscalation = "privilege_escalation"
    case persistence
    case reverseShell = "reverse_shell"
    case defenseEvasion = "defense_evasion"
    case resourceExhaustion = "resource_exhaustion"
    case destructiveGit = "destructive_git"
    case destructiveSQL = "destructive_sql"
    case moneyMovement = "money_movement"
    case network
    case discovery
    case execution
    case promptInjection = "prompt_injection"
    case malformed
}
