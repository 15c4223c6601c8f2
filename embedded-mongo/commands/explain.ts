/** explain for find, aggregate, count, distinct, update, delete, findAndModify (mongod's explainVersion 1 shape). */
import os from "node:os";
import type { CommandContext, CommandDefinition } from "./context";
import { executePipeline } from "./aggregate";
import { SERVER_VERSION } from "./handshake";
import { isPlainObject, type Doc } from "../engine/paths";
import { findDocuments } from "../engine/query";
import { EofStage, explainPlan, type PlanStage } from "../engine/stages";
import { parseCollation } from "../engine/collation";
import { runFind } from "./read";
import { commandError, ErrorCodes } from "../errors";

/** mongod's explain document (explainVersion 1) for a plan that has run. */
function explainDoc(ctx: CommandContext, ns: string, filter: Doc, plan: PlanStage, verbosity: string, command: Doc, millis: number): Doc {
  const { winningPlan, executionStats } = explainPlan(plan, millis);
  const out: Doc = {
    explainVersion: "1",
    queryPlanner: {
      namespace: ns,
      indexFilterSet: false,
      parsedQuery: filter,
      maxIndexedOrSolutionsReached: false,
      maxIndexedAndSolutionsReached: false,
      maxScansToExplodeReached: false,
      winningPlan,
      rejectedPlans: [],
    },
  };
  if (verbosity !== "queryPlanner") {
    out.executionStats = verbosity === "allPlansExecution" ? { ...executionStats, allPlansExecution: [] } : executionStats;
  }
  out.command = command;
  out.serverInfo = { host: os.hostname(), port: ctx.state.port, version: SERVER_VERSION, gitVersion: "embedded-mongo" };
  out.ok = 1;
  return out;
}

/** The plan of a read of nothing (a collection that does not exist). */
function eof(): PlanStage {
  const plan = new EofStage();
  plan.execute(() => true);
  return plan;
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
      const { plan } = runFind(innerCtx);
      return explainDoc(ctx, ns, filter, plan ?? eof(), verbosity, command, Date.now() - started);
    }
    case "count": {
      const filter = (inner.query as Doc) ?? {};
      const skip = Number(inner.skip ?? 0) || undefined;
      const limit = Math.abs(Number(inner.limit ?? 0)) || undefined;
      const { plan } = findDocuments(coll, filter, { hint: inner.hint, skip, limit, collation: parseCollation(inner.collation), countOnly: true });
      return explainDoc(ctx, ns, filter, plan, verbosity, command, Date.now() - started);
    }
    case "distinct": {
      const filter = (inner.query as Doc) ?? {};
      const { plan } = findDocuments(coll, filter, { hint: inner.hint, collation: parseCollation(inner.collation) });
      return explainDoc(ctx, ns, filter, plan, verbosity, command, Date.now() - started);
    }
    case "findAndModify":
    case "findandmodify": {
      const filter = (inner.query as Doc) ?? {};
      const { plan } = findDocuments(coll, filter, { sort: inner.sort as Doc | undefined, limit: 1, hint: inner.hint, collation: parseCollation(inner.collation) });
      return explainDoc(ctx, ns, filter, plan, verbosity, command, Date.now() - started);
    }
    case "update":
    case "delete": {
      const list = (inner[name === "update" ? "updates" : "deletes"] as Doc[]) ?? [];
      const st = list[0] ?? {};
      const filter = (st.q as Doc) ?? {};
      const multi = name === "update" ? st.multi === true : Number(st.limit ?? 0) === 0;
      const { plan } = findDocuments(coll, filter, { limit: multi ? 0 : 1, hint: st.hint, collation: parseCollation(st.collation) });
      return explainDoc(ctx, ns, filter, plan, verbosity, command, Date.now() - started);
    }
    case "aggregate": {
      const pipeline = Array.isArray(inner.pipeline) ? (inner.pipeline as Doc[]) : [];
      const source = inner.aggregate === 1 ? undefined : String(collName);
      const writeStage = pipeline.length && ("$out" in pipeline[pipeline.length - 1] || "$merge" in pipeline[pipeline.length - 1]);
      const run = executePipeline(innerCtx, source, writeStage ? pipeline.slice(0, -1) : pipeline, inner.hint);
      const filter = pipeline.length && "$match" in pipeline[0] ? (pipeline[0].$match as Doc) : {};
      const plan = run.plan ?? eof();
      const cursorDoc = explainDoc(ctx, ns, filter, plan, verbosity, command, Date.now() - started);
      const restStages = pipeline.slice(filter && "$match" in (pipeline[0] ?? {}) ? 1 : 0);
      if (restStages.length === 0) return cursorDoc;
      const { explainVersion, queryPlanner, executionStats, serverInfo } = cursorDoc;
      // mongod reports what each $lookup read beside it (executionStats)
      const stages = restStages.map((stage) => {
        const read = executionStats && isPlainObject(stage.$lookup) ? run.lookups?.get(stage.$lookup) : undefined;
        return read ? { ...stage, ...read } : stage;
      });
      return {
        explainVersion,
        stages: [{ $cursor: { queryPlanner, ...(executionStats ? { executionStats } : {}) }, nReturned: plan.nReturned }, ...stages],
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
