/// The OpenAPI 3.1 description of the API, served at `GET /openapi.yaml`. A test checks that
/// every route of `API.router()` is described here.
enum OpenAPIDocument {
    static let yaml = #"""
openapi: 3.1.0
info:
  title: Bulwark decision service
  version: "1"
  description: |
    Judges AI agent actions before they run: allow, review or block, with a 0-100 risk and the
    findings behind it. Every decision is appended to a hash-chained audit log before it is answered.

    Agents sign requests with HMAC-SHA256 (headers X-Bulwark-Agent, X-Bulwark-Timestamp,
    X-Bulwark-Nonce, X-Bulwark-Signature over "METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nhex(sha256(body))").
    Admins send "Authorization: Bearer bwk_admin_...". An agent an admin registered with
    allow_bearer may instead send X-Bulwark-Agent and "Authorization: Bearer <secret>".
servers:
  - url: http://127.0.0.1:8700
components:
  securitySchemes:
    agentSignature:
      type: apiKey
      in: header
      name: X-Bulwark-Signature
    adminKey:
      type: http
      scheme: bearer
  schemas:
    Error:
      type: object
      required: [error]
      properties:
        error:
          type: object
          required: [code, message]
          properties:
            code: {type: string}
            message: {type: string}
    Finding:
      type: object
      properties:
        layer: {type: string}
        rule: {type: string}
        severity: {type: string, enum: [info, low, medium, high, critical]}
        score: {type: integer}
        message: {type: string}
        evidence: {type: string}
    Verdict:
      type: object
      required: [decision, risk, findings]
      properties:
        decision: {type: string, enum: [allow, review, block]}
        risk: {type: integer, minimum: 0, maximum: 100}
        findings: {type: array, items: {$ref: "#/components/schemas/Finding"}}
        policy_rule: {type: [string, "null"]}
        action_id: {type: string}
        latency_us: {type: integer}
        agent: {type: string}
        session: {type: string}
        review: {$ref: "#/components/schemas/Review"}
        audit_seq: {type: integer}
    Review:
      type: object
      properties:
        id: {type: string}
        agent: {type: string}
        session: {type: string}
        action_sha256: {type: string}
        tool: {type: string}
        status: {type: string, enum: [pending, approved, denied, expired, consumed]}
        created_at: {type: number}
        expires_at: {type: number}
        decided_by: {type: [string, "null"]}
        reason: {type: [string, "null"]}
        decided_at: {type: [number, "null"]}
        verdict: {$ref: "#/components/schemas/Verdict"}
    Agent:
      type: object
      properties:
        id: {type: string}
        roles: {type: array, items: {type: string}}
        allow_bearer: {type: boolean}
        created_at: {type: number}
        disabled: {type: boolean}
        secret: {type: string, description: Only in the answer to POST /v1/agents.}
  responses:
    Error:
      description: The request was refused; the code says why.
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Error"}
  parameters:
    Wait:
      name: wait
      in: query
      description: Long poll a review for up to this long (30, 30s, 500ms; at most 120 s).
      schema: {type: string}
paths:
  /healthz:
    get:
      summary: Liveness.
      responses:
        "200": {description: The process is up.}
  /readyz:
    get:
      summary: Readiness (the store answers).
      responses:
        "200": {description: Ready.}
        "503": {description: The store cannot be read.}
  /openapi.yaml:
    get:
      summary: This document.
      responses:
        "200": {description: OpenAPI 3.1 YAML.}
  /metrics:
    get:
      summary: Prometheus metrics (decisions by verdict, per-stage latency histograms, queue depths).
      responses:
        "200":
          description: Prometheus text exposition format 0.0.4.
          content:
            text/plain: {}
  /v1/events:
    get:
      summary: Server-Sent Events of decisions and reviews (admin).
      security: [{adminKey: []}]
      responses:
        "200":
          description: "event: decision | review_opened | review_decided; data: the event as JSON."
          content:
            text/event-stream: {}
        "403": {$ref: "#/components/responses/Error"}
  /v1/inspect:
    post:
      summary: Judge one action (native, MCP tools/call, Claude Code hook, OpenAI or Anthropic tool call).
      security: [{agentSignature: []}]
      parameters:
        - {$ref: "#/components/parameters/Wait"}
        - {name: X-Bulwark-Session, in: header, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: object}
            example: {"tool": "bash", "arguments": {"command": "rm -rf ~"}}
      responses:
        "200":
          description: The verdict, durable in the audit chain.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Verdict"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "408": {$ref: "#/components/responses/Error"}
        "413": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/observe:
    post:
      summary: Scan a tool result and feed the session's taint.
      security: [{agentSignature: []}]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                session: {type: string}
                tool: {type: string}
                result: {}
                tool_input: {type: object}
      responses:
        "200": {description: "Scan: categories, findings, tainted count, audit_seq."}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
  /v1/hooks/claude-code:
    post:
      summary: Claude Code "type" "http" hook (PreToolUse and PostToolUse payloads).
      security: [{agentSignature: []}]
      responses:
        "200": {description: "The hook JSON (permissionDecision allow, ask or deny)."}
        "401": {$ref: "#/components/responses/Error"}
  /v1/reviews:
    get:
      summary: List reviews (admin).
      security: [{adminKey: []}]
      parameters:
        - {name: status, in: query, schema: {type: string, enum: [pending, approved, denied, expired, consumed]}}
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 1000}}
      responses:
        "200": {description: "{reviews: [Review]}"}
        "403": {$ref: "#/components/responses/Error"}
  /v1/reviews/{id}:
    get:
      summary: One review (admin, or the agent it belongs to); long poll with wait.
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {$ref: "#/components/parameters/Wait"}
      responses:
        "200":
          description: The review.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Review"}
        "404": {$ref: "#/components/responses/Error"}
  /v1/reviews/{id}/approve:
    post:
      summary: Approve a pending review (admin); releases exactly that action once.
      security: [{adminKey: []}]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {reason: {type: string}}}
      responses:
        "200": {description: The decided review.}
        "403": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
  /v1/reviews/{id}/deny:
    post:
      summary: Deny a pending review (admin).
      security: [{adminKey: []}]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: The decided review.}
        "403": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
  /v1/agents:
    get:
      summary: List agents, without secrets (admin).
      security: [{adminKey: []}]
      responses:
        "200": {description: "{agents: [Agent]}"}
    post:
      summary: Register an agent (admin); the answer carries its secret, shown once.
      security: [{adminKey: []}]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [id]
              properties:
                id: {type: string, pattern: "^[A-Za-z0-9_-]{1,64}$"}
                roles: {type: array, items: {type: string}}
                allow_bearer: {type: boolean}
      responses:
        "201":
          description: The agent, with its secret.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Agent"}
        "409": {$ref: "#/components/responses/Error"}
  /v1/agents/{id}:
    delete:
      summary: Remove an agent (admin).
      security: [{adminKey: []}]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: Deleted.}
        "404": {$ref: "#/components/responses/Error"}
  /v1/policies:
    get:
      summary: Policy history, newest first, and the active version (admin).
      security: [{adminKey: []}]
      responses:
        "200": {description: "{active, policies: [{version, sha256, created_at, created_by, active}]}"}
    post:
      summary: Store a new policy version (YAML body); activate=true also activates it (admin).
      security: [{adminKey: []}]
      parameters:
        - {name: activate, in: query, schema: {type: boolean}}
      requestBody:
        required: true
        content:
          application/yaml: {schema: {type: string}}
      responses:
        "201": {description: The stored version.}
        "400": {$ref: "#/components/responses/Error"}
  /v1/policies/validate:
    post:
      summary: Check a policy without storing it (admin).
      security: [{adminKey: []}]
      requestBody:
        required: true
        content:
          application/yaml: {schema: {type: string}}
      responses:
        "200": {description: "{valid, error?} (the error names line and column)"}
  /v1/policies/{version}:
    get:
      summary: One policy version with its YAML (admin).
      security: [{adminKey: []}]
      parameters:
        - {name: version, in: path, required: true, schema: {type: integer}}
      responses:
        "200": {description: The version.}
        "404": {$ref: "#/components/responses/Error"}
  /v1/policies/{version}/activate:
    post:
      summary: Make a stored version the active policy (roll forward or back; admin).
      security: [{adminKey: []}]
      parameters:
        - {name: version, in: path, required: true, schema: {type: integer}}
      responses:
        "200": {description: "{active}"}
        "404": {$ref: "#/components/responses/Error"}
  /v1/tools:
    get:
      summary: Registered tools and their input schemas (admin).
      security: [{adminKey: []}]
      responses:
        "200": {description: "{tools: [{name, description, input_schema, created_at}]}"}
    post:
      summary: Register tools (admin); once tools are registered, calls are validated against their schemas and unknown tools get the policy's unknown_tools outcome.
      security: [{adminKey: []}]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              oneOf:
                - type: object
                  required: [name, input_schema]
                  properties:
                    name: {type: string}
                    description: {type: string}
                    input_schema: {type: object}
                - type: object
                  description: An MCP tools/list result.
                  required: [tools]
                  properties:
                    tools: {type: array, items: {type: object}}
      responses:
        "201": {description: "{registered: [names]}"}
        "400": {$ref: "#/components/responses/Error"}
  /v1/tools/{name}:
    delete:
      summary: Remove a registered tool (admin).
      security: [{adminKey: []}]
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: Deleted.}
        "404": {$ref: "#/components/responses/Error"}
  /v1/indicators:
    get:
      summary: The threat-intelligence feeds (`--indicators`), the indicators in force by type and the last reload (admin).
      security: [{adminKey: []}]
      responses:
        "200": {description: "{feeds: [path], reload_interval_seconds, indicators: {domain, ip, url, hash, command}, loaded_at, last_error}"}
  /v1/indicators/reload:
    post:
      summary: Reload the feeds now (admin); otherwise a changed feed is picked up at the next check.
      security: [{adminKey: []}]
      responses:
        "200": {description: The feeds' status after the reload.}
        "409": {$ref: "#/components/responses/Error"}
        "422": {description: "The feeds did not parse; the previous indicators stay in force.", content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
  /v1/webhooks:
    get:
      summary: List webhooks, without secrets, and failed deliveries (admin).
      security: [{adminKey: []}]
      responses:
        "200": {description: "{webhooks: [...], failed_deliveries: [...]}"}
    post:
      summary: Register a webhook (admin); the answer carries its signing secret, shown once.
      security: [{adminKey: []}]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [url]
              properties:
                url: {type: string, format: uri}
                events:
                  type: array
                  items: {type: string, enum: [decision, decision.block, decision.review, review_opened, review_decided]}
      responses:
        "201": {description: "The webhook, with its secret. Deliveries carry X-Bulwark-Signature: t=<ts>,v1=<hex HMAC-SHA256 of '<ts>.<body>'>."}
        "400": {$ref: "#/components/responses/Error"}
  /v1/webhooks/{id}:
    delete:
      summary: Remove a webhook and its pending deliveries (admin).
      security: [{adminKey: []}]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: Deleted.}
        "404": {$ref: "#/components/responses/Error"}
  /v1/audit:
    get:
      summary: Export the audit chain as JSONL (admin).
      security: [{adminKey: []}]
      parameters:
        - {name: after, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer, maximum: 100000}}
      responses:
        "200":
          description: One record per line, each with seq, prev (SHA-256 of the previous line) and time_us.
          content:
            application/x-ndjson: {}
  /v1/audit/verify:
    get:
      summary: Verify the whole audit chain (admin).
      security: [{adminKey: []}]
      responses:
        "200": {description: "{ok, verified, broken?: {record, reason}}"}
  /v1/sessions/{agent}/{session}:
    get:
      summary: A session's state (admin).
      security: [{adminKey: []}]
      parameters:
        - {name: agent, in: path, required: true, schema: {type: string}}
        - {name: session, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: Taint size, recent calls per tool, the agent's behaviour profile.}
        "404": {$ref: "#/components/responses/Error"}
"""#
}
