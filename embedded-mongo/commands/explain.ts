/** explain for find, aggregate, count, distinct, update, delete, findAndModify (mongod's explainVersion 1 shape). */
import os from "node:os";
import type { CommandContext, CommandDefinition } from "./context";
import { executePipeline } from "./aggregate";
import { SERVER_VERSION } from "./handshake";
import { isPlainObject, type Doc } from "../engine/paths";
import { findDocuments, type ExecStats } from "../engine/query";
import { commandError, ErrorCodes } from "../errors";

function planStages(stats: ExecStats, filter: Doc, extra: { sort?: Doc; limit?: number; skip?: number; projection?: Doc }, unique: boolean): { planner: Doc; execution: Doc } {
  let planner: Doc;
  let execution: Doc;
  const hasFilter = Object.keys(filter).length > 0;
  if (stats.stage === "EOF") {
    planner = { stage: "EOF" };
    execution = { stage: "EOF", nReturned: 0, works: 1, advanced: 0, isEOF: 1 };
  } else if (stats.stage === "COLLSCAN") {
    planner = { stage: "COLLSCAN", ...(hasFilter ? { filter } : {}), direction: "forward" };
    execution = { ...planner, nReturned: stats.nReturned, docsExamined: stats.docsExamined, works: stats.docsExamined + 1, advanced: stats.nReturned, isEOF: 1 };
  } else {
    const ixscan: Doc = {
      stage: "IXSCAN",
      keyPattern: stats.keyPattern,
      indexName: stats.indexName,
      isMultiKey: stats.isMultiKey ?? false,
      isUnique: unique,
      isSparse: false,
      isPartial: false,
      indexVersion: 2,
      direction: stats.direction ?? "forward",
      indexBounds: stats.indexBounds ? stats.indexBounds() : {},
    };
    planner = { stage: "FETCH", ...(hasFilter ? { filter } : {}), inputStage: ixscan };
    if (stats.stage === "TEXT") planner = { stage: "TEXT_MATCH", inputStage: { stage: "FETCH", inputStage: { stage: "TEXT_OR", inputStage: ixscan } } };
    execution = {
      stage: "FETCH",
      nReturned: stats.nReturned,
      docsExamined: stats.docsExamined,
      advanced: stats.nReturned,
      isEOF: 1,
      inputStage: { ...ixscan, nReturned: stats.keysExamined, keysExamined: stats.keysExamined, advanced: stats.keysExamined, isEOF: 1 },
    };
  }
  const wrap = (stage: Doc, name: string, fields: Doc): Doc => ({ stage: name, ...fields, inputStage: stage });
  if (extra.skip) {
    planner = wrap(planner, "SKIP", { skipAmount: extra.skip });
    execution = wrap(execution, "SKIP", { skipAmount: extra.skip, nReturned: stats.nReturned });
  }
  if (extra.limit) {
    planner = wrap(planner, "LIMIT", { limitAmount: extra.limit });
    execution = wrap(execution, "LIMIT", { limitAmount: extra.limit, nReturned: stats.nReturned });
  }
  if (extra.sort && Object.keys(extra.sort).length && stats.stage !== "IXSCAN") {
    planner = wrap(planner, "SORT", { sortPattern: extra.sort, memLimit: 104857600, type: "simple" });
    execution = wrap(execution, "SORT", { sortPattern: extra.sort, nReturned: stats.nReturned });
  }
  if (extra.projection && Object.keys(extra.projection).length) {
    planner = wrap(planner, "PROJECTION_DEFAULT", { transformBy: extra.projection });
    execution = wrap(execution, "PROJECTION_DEFAULT", { transformBy: extra.projection, nReturned: stats.nReturned });
  }
  return { planner, execution };
}

function explainDoc(ctx: CommandContext, ns: string, filter: Doc, stats: ExecStats, verbosity: string, extra: { sort?: Doc; limit?: number; skip?: number; projection?: Doc }, command: Doc, millis: number): Doc {
  const [db, ...rest] = ns.split(".");
  const coll = ctx.state.catalog.getCollection(db, rest.join("."));
  const unique = stats.indexName ? coll?.indexes.get(stats.indexName)?.ordered?.unique === true : false;
  const { planner, execution } = planStages(stats, filter, extra, unique);
  const out: Doc = {
    explainVersion: "1",
    queryPlanner: {
      namespace: ns,
      indexFilterSet: false,
      parsedQuery: filter,
      maxIndexedOrSolutionsReached: false,
      maxIndexedAndSolutionsReached: false,
      maxScansToExplodeReached: false,
      winningPlan: planner,
      rejectedPlans: [],
    },
  };
  if (verbosity !== "queryPlanner") {
    out.executionStats = {
      executionSuccess: true,
      nReturned: stats.nReturned,
      executionTimeMillis: millis,
      totalKeysExamined: stats.keysExamined,
      totalDocsExamined: stats.docsExamined,
      executionStages: execution,
    };
  }
  out.command = command;
  out.serverInfo = { host: os.hostname(), port: ctx.state.port, version: SERVER_VERSION, gitVersion: "embedded-mongo" };
  out.ok = 1;
  return out;
}

function explain(ctx: CommandContext): Doc {
  const inner = ctx.body.explain;
  if (!isPlainObject(inner)) throw commandError(ErrorCodes.TypeMismatch, "explain command requires a nested object");
  const verbosity = typeof ctx.body.verbosity === "string" ? ctx.body.verbosity : "allPlansExecution";
  if (!["queryPlanner", "executionStats", "allPlansExecution"].includes(verbosity)) {
    throw commandError(ErrorCodes.BadValue, `verbosity string must be one of {'queryPlanner', 'executionStats', 'allPlansExecution'}`);
  }
  const name = Object.keys(inner)[0];
  const collName = inner[name];
  const command = { ...inner, $db: ctx.db };
  const started = Date.now();
  const coll = typeof collName === "string" ? ctx.state.catalog.getCollection(ctx.db, collName) : undefined;
  const ns = `${ctx.db}.${String(collName)}`;
  const innerCtx: CommandContext = { ...ctx, body: inner };
  switch (name) {
    case "find": {
      const filter = (inner.filter as Doc) ?? {};
      const opts = { sort: inner.sort as Doc | undefined, skip: Number(inner.skip ?? 0) || undefined, limit: Number(inner.limit ?? 0) || undefined, hint: inner.hint };
      const { stats } = findDocuments(coll, filter, opts);
      return explainDoc(ctx, ns, filter, stats, verbosity, { ...opts, projection: inner.projection as Doc | undefined }, command, Date.now() - started);
    }
    case "count":
    case "distinct": {
      const filter = (inner.query as Doc) ?? {};
      const { stats } = findDocuments(coll, filter, { hint: inner.hint });
      return explainDoc(ctx, ns, filter, stats, verbosity, {}, command, Date.now() - started);
    }
    case "findAndModify":
    case "findandmodify": {
      const filter = (inner.query as Doc) ?? {};
      const { stats } = findDocuments(coll, filter, { sort: inner.sort as Doc | undefined, limit: 1 });
      return explainDoc(ctx, ns, filter, stats, verbosity, {}, command, Date.now() - started);
    }
    case "update":
    case "delete": {
      const list = (inner[name === "update" ? "updates" : "deletes"] as Doc[]) ?? [];
      const st = list[0] ?? {};
      const filter = (st.q as Doc) ?? {};
      const multi = name === "update" ? st.multi === true : Number(st.limit ?? 0) === 0;
      const { stats } = findDocuments(coll, filter, { limit: multi ? 0 : 1, hint: st.hint });
      return explainDoc(ctx, ns, filter, stats, verbosity, {}, command, Date.now() - started);
    }
    case "aggregate": {
      const pipeline = Array.isArray(inner.pipeline) ? (inner.pipeline as Doc[]) : [];
      const source = inner.aggregate === 1 ? undefined : String(collName);
      const writeStage = pipeline.length && ("$out" in pipeline[pipeline.length - 1] || "$merge" in pipeline[pipeline.length - 1]);
      const run = executePipeline(innerCtx, source, writeStage ? pipeline.slice(0, -1) : pipeline, inner.hint);
      const filter = pipeline.length && "$match" in pipeline[0] ? (pipeline[0].$match as Doc) : {};
      const stats = run.stats ?? { stage: "EOF" as const, keysExamined: 0, docsExamined: 0, nReturned: 0, sorted: false };
      const cursorDoc = explainDoc(ctx, ns, filter, stats, verbosity, {}, command, Date.now() - started);
      const restStages = pipeline.slice(filter && "$match" in (pipeline[0] ?? {}) ? 1 : 0);
      if (restStages.length === 0) return cursorDoc;
      const { explainVersion, queryPlanner, executionStats, serverInfo } = cursorDoc;
      return {
        explainVersion,
        stages: [{ $cursor: { queryPlanner, ...(executionStats ? { executionStats } : {}) }, nReturned: stats.nReturned }, ...restStages],
        serverInfo,
        command,
        ok: 1,
      };
    }
    default:
      throw commandError(ErrorCodes.CommandNotFound, `Explain failed due to unknown command: ${name}`);
  }
}

export const explainCommands: Record<string, CommandDefinition> = {
  explain: { handler: explain },
};
