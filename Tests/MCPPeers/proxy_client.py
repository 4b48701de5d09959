"""A client built with the official Python SDK (mcp 2.x or 1.x) for the proxy tests.

python proxy_client.py MODE CALLS_JSON -- <server command...>
  MODE: auto | legacy | 2026-07-28 (mcp 2.x; mcp 1.x always uses the initialize handshake)
  CALLS_JSON: [["tool", {args}], ...]
Prints one JSON line {"protocol": …, "tools": [...]} and then one per call:
{"name", "is_error", "texts"} or {"name", "rpc_error": code, "message"}.
Exit 0 when every call got an answer.
"""
import asyncio
import json
import sys

import mcp
from mcp import StdioServerParameters


def result_line(name, res):
    texts = [getattr(c, "text", None) for c in res.content]
    is_error = getattr(res, "is_error", getattr(res, "isError", None))
    return {"name": name, "is_error": bool(is_error), "texts": texts}


async def run_v2(params, mode, calls):
    async with mcp.Client(params, mode=mode) as client:
        tools = await client.list_tools()
        print(json.dumps({"protocol": client.protocol_version, "tools": [t.name for t in tools.tools]}), flush=True)
        for name, args in calls:
            try:
                print(json.dumps(result_line(name, await client.call_tool(name, args))), flush=True)
            except mcp.MCPError as e:
                print(json.dumps({"name": name, "rpc_error": e.code, "message": e.message}), flush=True)


async def run_v1(params, calls):
    from mcp.client.stdio import stdio_client
    from mcp.shared.exceptions import McpError
    async with stdio_client(params) as (read, write):
        async with mcp.ClientSession(read, write) as session:
            init = await session.initialize()
            tools = await session.list_tools()
            print(json.dumps({"protocol": init.protocolVersion, "tools": [t.name for t in tools.tools]}), flush=True)
            for name, args in calls:
                try:
                    print(json.dumps(result_line(name, await session.call_tool(name, args))), flush=True)
                except McpError as e:
                    print(json.dumps({"name": name, "rpc_error": e.error.code, "message": e.error.message}), flush=True)


if __name__ == "__main__":
    mode, calls = sys.argv[1], json.loads(sys.argv[2])
    argv = sys.argv[3:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    params = StdioServerParameters(command=argv[0], args=argv[1:])
    if hasattr(mcp, "Client"):
        asyncio.run(run_v2(params, mode, calls))
    else:
        asyncio.run(run_v1(params, calls))
