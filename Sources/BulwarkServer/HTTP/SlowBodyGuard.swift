import BulwarkCore
import BulwarkRuntime
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers 408 and closes the connection when a request's body has not fully arrived within
/// `timeout` of its head (slow-loris clients), unless the response has already started.
/// One timer on the connection's event loop per request: no task, no thread hop. A Claude Code
/// hook request is answered 200 with a deny instead (Claude Code runs the tool on a 408).
final class SlowBodyGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let timeout: TimeAmount
    var timer: Scheduled<Void>?
    var responding = false
    var hookRequest = false

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            responding = false
            hookRequest = request.path?.hasPrefix(Self.hookPath) == true
            timer?.cancel()
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            timer = context.eventLoop.scheduleTask(in: timeout) {
                let (handler, context) = loopBound.value
                handler.expire(context: context)
            }
        case .end:
            timer?.cancel()
            timer = nil
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .head = unwrapOutboundIn(data) {
            responding = true
            timer?.cancel()
            timer = nil
        }
        context.write(data, promise: promise)
    }

    func expire(context: ChannelHandlerContext) {
        timer = nil
        guard !responding else { return }
        responding = true
        var head = HTTPResponse(status: hookRequest ? .ok : .requestTimeout)
        head.headerFields[.contentType] = "application/json"
        head.headerFields[.connection] = "close"
        let body = hookRequest
            ? Self.hookDeny
            : #"{"error":{"code":"body_timeout","message":"the request body did not arrive in time"}}"# + "\n"
        head.headerFields[.contentLength] = String(body.utf8.count)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(context.channel.allocator.buffer(string: body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }

    static let hookPath = "/v1/hooks/claude-code"
    static let hookDeny = JSONWriter.string(ClaudeCodeReply.deny(reason: "Bulwark: the request body did not arrive in time; denied to fail closed.")) + "\n"

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
    }
}
