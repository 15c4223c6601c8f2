/** Handshake and server information commands: hello/isMaster, ping, buildInfo, serverStatus... */
import os from "node:os";
import { Long, UUID } from "bson";
import type { CommandContext, CommandDefinition } from "./context";
import { MAX_BSON_SIZE, MAX_MESSAGE_SIZE } from "../protocol/wire";
import type { Doc } from "../engine/paths";
import { speculativeAuthenticate, supportedMechanisms } from "./auth";

export const SERVER_VERSION = "7.0.0";
export const MAX_WIRE_VERSION = 21;
export const LOGICAL_SESSION_TIMEOUT_MINUTES = 30;

function hello(ctx: CommandContext, legacyName: boolean): Doc {
  const reply: Doc = {};
  if (ctx.body.helloOk === true) reply.helloOk = true;
  if (legacyName) reply.ismaster = true;
  else reply.isWritablePrimary = true;
  Object.assign(reply, {
    maxBsonObjectSize: MAX_BSON_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE,
    maxWriteBatchSize: 100000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: LOGICAL_SESSION_TIMEOUT_MINUTES,
    connectionId: ctx.connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
  });
  const mechanisms = supportedMechanisms(ctx);
  if (mechanisms) reply.saslSupportedMechs = mechanisms;
  const speculative = speculativeAuthenticate(ctx);
  if (speculative) reply.speculativeAuthenticate = speculative;
  reply.ok = 1;
  return reply;
}

function buildInfo(): Doc {
  return {
    version: SERVER_VERSION,
    gitVersion: "embedded-mongo",
    modules: [],
    allocator: "system",
    javascriptEngine: "none",
    sysInfo: "deprecated",
    versionArray: [7, 0, 0, 0],
    bits: 64,
    debug: false,
    maxBsonObjectSize: MAX_BSON_SIZE,
    storageEngines: ["embedded"],
    ok: 1,
  };
}

function serverStatus(ctx: CommandContext): Doc {
  const { state } = ctx;
  const uptimeMs = Date.now() - state.startedAt.getTime();
  const mem = process.memoryUsage();
  const c = state.opcounters;
  return {
    host: `${os.hostname()}:${state.port}`,
    version: SERVER_VERSION,
    process: "mongod",
    pid: Long.fromNumber(process.pid),
    uptime: Math.floor(uptimeMs / 1000),
    uptimeMillis: Long.fromNumber(uptimeMs),
    uptimeEstimate: Long.fromNumber(Math.floor(uptimeMs / 1000)),
    localTime: new Date(),
    connections: { current: state.connections.current, available: 1000000 - state.connections.current, totalCreated: state.connections.totalCreated },
    opcounters: {
      insert: Long.fromNumber(c.insert),
      query: Long.fromNumber(c.query),
      update: Long.fromNumber(c.update),
      delete: Long.fromNumber(c.delete),
      getmore: Long.fromNumber(c.getmore),
      command: Long.fromNumber(c.command),
    },
    extra_info: { note: "fields vary by platform", user_time_us: Long.fromNumber(process.cpuUsage().user), system_time_us: Long.fromNumber(process.cpuUsage().system) },
    mem: { bits: 64, resident: Math.round(mem.rss / 1048576), virtual: Math.round(mem.rss / 1048576), supported: true },
    metrics: { cursor: { open: { total: Long.fromNumber(state.cursors.open) } } },
    storageEngine: { name: state.dbpath ? "embedded-journal" : "embedded-memory", persistent: state.dbpath !== undefined, supportsCommittedReads: false },
    ok: 1,
  };
}

const ok = (): Doc => ({ ok: 1 });

export const handshakeCommands: Record<string, CommandDefinition> = {
  hello: { handler: (ctx) => hello(ctx, false) },
  isMaster: { handler: (ctx) => hello(ctx, true) },
  ismaster: { handler: (ctx) => hello(ctx, true) },
  ping: { handler: ok },
  buildInfo: { handler: buildInfo },
  buildinfo: { handler: buildInfo },
  serverStatus: { handler: serverStatus },
  endSessions: {
    handler: (ctx) => {
      const ids = Array.isArray(ctx.body.endSessions) ? (ctx.body.endSessions as Doc[]) : [];
      for (const s of ids) {
        const id = s?.id as { toHexString?: () => string } | undefined;
        if (id && typeof id.toHexString === "function") ctx.state.sessions.delete(id.toHexString());
      }
      return { ok: 1 };
    },
  },
  killSessions: { handler: ok },
  killAllSessions: { handler: ok },
  refreshSessions: { handler: ok },
  startSession: {
    handler: () => ({ id: { id: new UUID() }, timeoutMinutes: LOGICAL_SESSION_TIMEOUT_MINUTES, ok: 1 }),
  },
  whatsmyuri: { handler: (ctx) => ({ you: ctx.remote, ok: 1 }) },
  getParameter: {
    handler: (ctx) => {
      const reply: Doc = {};
      if (ctx.body.featureCompatibilityVersion !== undefined || ctx.body.getParameter === "*") {
        reply.featureCompatibilityVersion = { version: "7.0" };
      }
      return { ...reply, ok: 1 };
    },
  },
  getCmdLineOpts: {
    handler: (ctx) => ({
      argv: process.argv,
      parsed: { net: { port: ctx.state.port }, ...(ctx.state.dbpath ? { storage: { dbPath: ctx.state.dbpath } } : {}) },
      ok: 1,
    }),
  },
  hostInfo: {
    handler: () => ({
      system: { currentTime: new Date(), hostname: os.hostname(), cpuAddrSize: 64, memSizeMB: Math.round(os.totalmem() / 1048576), numCores: os.cpus().length },
      os: { type: os.type(), name: os.platform(), version: os.release() },
      ok: 1,
    }),
  },
  getLog: { handler: () => ({ totalLinesWritten: 0, log: [], ok: 1 }) },
};
