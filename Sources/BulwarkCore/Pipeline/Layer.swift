/// One stage of the decision pipeline: a pure function of an action and a state snapshot.
///
/// Layers never perform I/O, read clocks or keep state between calls, so a verdict can be
/// replayed exactly. Adding a layer means adding a conforming type:
///
/// ```swift
/// struct NoFridayDeploys: Layer {
///     let id = LayerID.policy
///     func evaluate(_ action: Action, state: SessionSnapshot) -> [Finding] {
///         action.toolName == "deploy" && state.signals.temporal > 1.2
///             ? [Finding(layer: .policy, rule: "custom.deploy", severity: .medium, message: "Deploy at an unusual time", evidence: action.toolName)]
///             : []
///     }
/// }
/// ```
public protocol Layer: Sendable {
    var id: LayerID { get }
    func evaluate(_ action: Action, state: SessionSnapshot) -> [Finding]
}
