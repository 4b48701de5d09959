/// The pipeline layer that raised a finding.
public enum LayerID: String, Sendable, CaseIterable {
    case `protocol`, identity, impact, taint, injection, content, behaviour, policy
}
