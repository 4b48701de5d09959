extension ExpressionSchema {
    /// The record type of `action`: identity, tool, and the facets derived from the arguments.
    /// `arguments` and `result` are the tool's JSON, dynamic all the way down.
    public static let actionType = ExpressionObjectType(name: "action", fields: [
        "id": .string, "tool": .string, "raw_tool": .string, "server": .string, "kind": .string,
        "format": .string, "phase": .string, "agent": .string, "session": .string,
        "workspace": .string, "cwd": .string, "arguments": .dyn, "result": .dyn,
        "host": .string, "hosts": .list(.string), "urls": .list(.string), "paths": .list(.string),
        "commands": .list(.string), "amount": .double, "currency": .string,
    ])

    /// The record type of each element of `findings`.
    public static let findingType = ExpressionObjectType(name: "finding", fields: [
        "rule": .string, "layer": .string, "severity": .string, "score": .int, "category": .string,
        "message": .string, "evidence": .string,
    ])

    /// The variables of a workspace policy's `when:` conditions:
    /// `action`, `agent`, `findings`, `risk` (0–100), `time` (supplied by the caller: the
    /// library has no clock) and `tool`.
    public static let policy = ExpressionSchema([
        (name: "action", type: .object(actionType)),
        (name: "agent", type: .object(ExpressionObjectType(name: "agent", fields: [
            "id": .string, "roles": .list(.string), "tools": .list(.string),
        ]))),
        (name: "findings", type: .list(.object(findingType))),
        (name: "risk", type: .int),
        (name: "time", type: .object(ExpressionObjectType(name: "time", fields: [
            "unix": .int, "hour": .int, "minute": .int, "weekday": .int, "date": .string,
        ]))),
        (name: "tool", type: .object(ExpressionObjectType(name: "tool", fields: [
            "name": .string, "server": .string, "description": .string, "schema": .dyn,
        ]))),
    ])
}
