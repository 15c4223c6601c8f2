/**
 * A runner for MongoDB's unified-format test files (CRUD, index and collection management): entities,
 * operations, expected results, errors and command events, `runOnRequirements` and `outcome`, driven through
 * the official driver against any server. Cases for other topologies, versions or features are skipped with
 * their reason; nothing that applies is passed without running.
 */
import fs from "node:fs";
import path from "node:path";
import { Double, EJSON, Int32, Long } from "bson";
import {
  MongoBulkWriteError,
  MongoClient,
  MongoServerError,
  type ClientSession,
  Collection,
  type CommandFailedEvent,
  type CommandStartedEvent,
  type CommandSucceededEvent,
  Db,
  FindCursor,
} from "mongodb";
import { assertMatches, describe as show, MatchError, type MatchContext } from "./match";
import { isPlainObject, type Doc } from "../engine/paths";

/** Something of a test file this runner does not implement: the case fails, it is not an operation's expected error. */
class Unsupported extends Error {}

export interface SpecFile {
  /** path relative to the folder it was loaded from */
  file: string;
  description: string;
  schemaVersion: string;
  runOnRequirements?: Doc[];
  createEntities?: Doc[];
  initialData?: Array<{ collectionName: string; databaseName: string; documents: Doc[]; createOptions?: Doc }>;
  tests: SpecTest[];
}

export interface SpecTest {
  description: string;
  runOnRequirements?: Doc[];
  skipReason?: string;
  operations: Doc[];
  expectEvents?: Array<{ client: string; eventType?: string; events: Doc[]; ignoreExtraEvents?: boolean }>;
  outcome?: Array<{ collectionName: string; databaseName: string; documents: Doc[] }>;
}

/** What the runner knows of the server under test. */
export interface ServerDescription {
  version: string;
  topology: "single" | "replicaset" | "sharded" | "load-balanced";
  /** commands the server answers (failPoint tests need configureFailPoint) */
  commands: Set<string>;
  auth: boolean;
}

export type CaseStatus = { status: "passed" } | { status: "failed"; reason: string } | { status: "skipped"; reason: string };

/** Numbers as the driver returns them (int32/double as JS numbers, longs beyond 2^53 as Long). */
function normalizeNumbers(v: unknown): unknown {
  if (v instanceof Int32 || v instanceof Double) return v.valueOf();
  if (v instanceof Long) return v.lessThanOrEqual(Long.fromNumber(Number.MAX_SAFE_INTEGER)) && v.greaterThanOrEqual(Long.fromNumber(Number.MIN_SAFE_INTEGER)) ? v.toNumber() : v;
  if (Array.isArray(v)) return v.map(normalizeNumbers);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalizeNumbers(x)]));
  return v;
}

/** Every `.json` file under `dir`, in a stable order (the spec folders' layout). */
export function specJsonFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".json")) files.push(full);
    }
  };
  walk(dir);
  return files;
}

export function loadSpecFiles(dir: string): SpecFile[] {
  return specJsonFiles(dir).map((file) => {
    const parsed = normalizeNumbers(EJSON.parse(fs.readFileSync(file, "utf8"), { relaxed: false })) as Omit<SpecFile, "file">;
    return { file: path.relative(dir, file), ...parsed };
  });
}

function versionParts(v: string): number[] {
  return v.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
}

export function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < Math.max(x.length, y.length, 3); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Why a requirement is not met by this server, or undefined when it is. */
function unmet(req: Doc, server: ServerDescription): string | undefined {
  if (typeof req.minServerVersion === "string" && compareVersions(server.version, req.minServerVersion) < 0) return `needs server >= ${req.minServerVersion}`;
  if (typeof req.maxServerVersion === "string" && compareVersions(server.version, req.maxServerVersion) > 0) return `needs server <= ${req.maxServerVersion}`;
  if (Array.isArray(req.topologies)) {
    const topologies = req.topologies.map((t) => (t === "sharded-replicaset" ? "sharded" : t));
    if (!topologies.includes(server.topology)) return `needs topology ${topologies.join("|")}`;
  }
  if (req.serverless === "require") return "needs serverless";
  if (req.auth === true && !server.auth) return "needs authentication";
  if (req.auth === false && server.auth) return "needs no authentication";
  if (req.csfle) return "needs client-side encryption";
  if (req.serverParameters) return "needs server parameters";
  return undefined;
}

function unmetAny(reqs: Doc[] | undefined, server: ServerDescription): string | undefined {
  if (!reqs || reqs.length === 0) return undefined;
  const reasons = reqs.map((r) => unmet(r, server));
  return reasons.every((r) => r !== undefined) ? reasons.join(" or ") : undefined;
}

/**
 * Cases whose expectations the Node.js driver itself does not meet, whatever the server (its own runner skips
 * them too): they test the driver, not the server.
 */
const DRIVER_DEVIATIONS: Array<[RegExp, string]> = [
  [/^(Aggregate with \$out|BulkWrite|FindOneAndReplace|FindOneAndUpdate|InsertMany) passes bypassDocumentValidation: false$/, "the Node.js driver omits bypassDocumentValidation: false"],
  [/^inserting _id with type null via (insertOne|insertMany|bulkWrite)$/, "the Node.js driver replaces a null _id with an ObjectId"],
];

/** Why a case does not apply to this server (skipped), or undefined when it must run. */
export function skipReason(spec: SpecFile, test: SpecTest, server: ServerDescription): string | undefined {
  // a legacy-format file (CRUD v1 has its own runner) is reported, not run
  if (typeof spec.schemaVersion !== "string") return "not in the unified test format (no schemaVersion)";
  if (test.skipReason) return test.skipReason;
  const deviation = DRIVER_DEVIATIONS.find(([pattern]) => pattern.test(test.description));
  if (deviation) return deviation[1];
  const fileReason = unmetAny(spec.runOnRequirements, server) ?? unmetAny(test.runOnRequirements, server);
  if (fileReason) return fileReason;
  if (test.operations.some((op) => op.name === "failPoint") && !server.commands.has("configureFailPoint")) return "needs configureFailPoint";
  return undefined;
}

export async function describeServer(url: string): Promise<ServerDescription> {
  const client = await new MongoClient(url, { serverSelectionTimeoutMS: 5000 }).connect();
  try {
    const admin = client.db("admin");
    const build = await admin.command({ buildInfo: 1 });
    const hello = await admin.command({ hello: 1 });
    const commands = await admin.command({ listCommands: 1 }).catch(() => ({ commands: {} }));
    const topology = hello.msg === "isdbgrid" ? "sharded" : hello.setName ? "replicaset" : hello.serviceId ? "load-balanced" : "single";
    return { version: String(build.version), topology, commands: new Set(Object.keys(commands.commands ?? {})), auth: /@/.test(url) };
  } finally {
    await client.close();
  }
}

class ClientEntity {
  readonly events: Array<{ type: string; event: CommandStartedEvent | CommandSucceededEvent | CommandFailedEvent }> = [];
  constructor(readonly client: MongoClient) {}
}

/** Commands never reported as observed events (handshakes and credentials). */
const HIDDEN_COMMANDS = new Set(["hello", "ismaster", "isMaster", "saslStart", "saslContinue", "authenticate", "getnonce", "createUser", "updateUser", "copydbgetnonce", "copydbsaslstart", "copydb"]);

class Entities implements MatchContext {
  readonly map = new Map<string, unknown>();
  constructor(private readonly url: string) {}

  entity(name: string): unknown {
    if (!this.map.has(name)) throw new Error(`no entity named ${name}`);
    return this.map.get(name);
  }

  client(name: string): ClientEntity {
    const e = this.entity(name);
    if (!(e instanceof ClientEntity)) throw new Error(`${name} is not a client`);
    return e;
  }

  async create(defs: Doc[]): Promise<void> {
    for (const def of defs) {
      const [kind, spec] = Object.entries(def)[0] as [string, Doc];
      const id = String(spec.id);
      if (this.map.has(id)) throw new Error(`entity ${id} is defined twice`);
      switch (kind) {
        case "client": {
          const observe = new Set((spec.observeEvents as string[] | undefined) ?? []);
          const ignored = new Set((spec.ignoreCommandMonitoringEvents as string[] | undefined) ?? []);
          const client = new MongoClient(this.url, { monitorCommands: observe.size > 0, ...((spec.uriOptions as Doc) ?? {}) });
          const entity = new ClientEntity(client);
          const record = (type: string) => (event: CommandStartedEvent | CommandSucceededEvent | CommandFailedEvent) => {
            if (!observe.has(type) || ignored.has(event.commandName) || HIDDEN_COMMANDS.has(event.commandName)) return;
            entity.events.push({ type, event });
          };
          client.on("commandStarted", record("commandStartedEvent"));
          client.on("commandSucceeded", record("commandSucceededEvent"));
          client.on("commandFailed", record("commandFailedEvent"));
          await client.connect();
          this.map.set(id, entity);
          break;
        }
        case "database":
          this.map.set(id, this.client(String(spec.client)).client.db(String(spec.databaseName), (spec.databaseOptions as Doc) ?? {}));
          break;
        case "collection":
          this.map.set(id, (this.entity(String(spec.database)) as Db).collection(String(spec.collectionName), (spec.collectionOptions as Doc) ?? {}));
          break;
        case "session":
          this.map.set(id, this.client(String(spec.client)).client.startSession((spec.sessionOptions as Doc) ?? {}));
          break;
        default:
          throw new Unsupported(`unsupported entity type ${kind}`);
      }
    }
  }

  async close(): Promise<void> {
    for (const e of this.map.values()) {
      if (e instanceof ClientEntity) await e.client.close().catch(() => undefined);
    }
  }
}

function withSession(entities: Entities, args: Doc): Doc {
  const out: Doc = { ...args };
  if (typeof args.session === "string") out.session = entities.entity(args.session) as ClientSession;
  return out;
}

function without(args: Doc, ...keys: string[]): Doc {
  const out = { ...args };
  for (const k of keys) delete out[k];
  return out;
}

function returnDocument(args: Doc): Doc {
  const out = without(args, "filter", "update", "replacement");
  if (typeof args.returnDocument === "string") out.returnDocument = args.returnDocument.toLowerCase();
  return out;
}

const BULK_NAMES: Record<string, string[]> = {
  insertOne: ["document"],
  updateOne: ["filter", "update"],
  updateMany: ["filter", "update"],
  replaceOne: ["filter", "replacement"],
  deleteOne: ["filter"],
  deleteMany: ["filter"],
};

function bulkModel(req: Doc): Doc {
  const [name, args] = Object.entries(req)[0] as [string, Doc];
  if (!BULK_NAMES[name]) throw new Error(`unknown bulk request ${name}`);
  return { [name]: args };
}

function bulkResult(r: { insertedCount: number; matchedCount: number; modifiedCount: number; deletedCount: number; upsertedCount: number; insertedIds: Doc; upsertedIds: Doc }): Doc {
  return {
    insertedCount: r.insertedCount,
    matchedCount: r.matchedCount,
    modifiedCount: r.modifiedCount,
    deletedCount: r.deletedCount,
    upsertedCount: r.upsertedCount,
    insertedIds: r.insertedIds,
    upsertedIds: r.upsertedIds,
  };
}

async function collectionOperation(coll: Collection, name: string, a: Doc): Promise<unknown> {
  switch (name) {
    case "aggregate":
      return coll.aggregate(a.pipeline as Doc[], without(a, "pipeline")).toArray();
    case "find":
      return coll.find((a.filter as Doc) ?? {}, without(a, "filter")).toArray();
    case "findOne":
      return coll.findOne((a.filter as Doc) ?? {}, without(a, "filter"));
    case "createFindCursor":
      return coll.find((a.filter as Doc) ?? {}, without(a, "filter"));
    case "countDocuments":
      return coll.countDocuments((a.filter as Doc) ?? {}, without(a, "filter"));
    case "count":
      return coll.count((a.filter as Doc) ?? {}, without(a, "filter"));
    case "estimatedDocumentCount":
      return coll.estimatedDocumentCount(a);
    case "distinct":
      return coll.distinct(String(a.fieldName), (a.filter as Doc) ?? {}, without(a, "fieldName", "filter"));
    case "insertOne":
      return coll.insertOne(a.document as Doc, without(a, "document"));
    case "insertMany":
      return coll.insertMany(a.documents as Doc[], without(a, "documents"));
    case "updateOne":
      return coll.updateOne(a.filter as Doc, a.update as Doc, without(a, "filter", "update"));
    case "updateMany":
      return coll.updateMany(a.filter as Doc, a.update as Doc, without(a, "filter", "update"));
    case "replaceOne":
      return coll.replaceOne(a.filter as Doc, a.replacement as Doc, without(a, "filter", "replacement"));
    case "deleteOne":
      return coll.deleteOne(a.filter as Doc, without(a, "filter"));
    case "deleteMany":
      return coll.deleteMany(a.filter as Doc, without(a, "filter"));
    case "findOneAndUpdate":
      return coll.findOneAndUpdate(a.filter as Doc, a.update as Doc, returnDocument(a));
    case "findOneAndReplace":
      return coll.findOneAndReplace(a.filter as Doc, a.replacement as Doc, returnDocument(a));
    case "findOneAndDelete":
      return coll.findOneAndDelete(a.filter as Doc, without(a, "filter"));
    case "bulkWrite":
      return bulkResult(await coll.bulkWrite((a.requests as Doc[]).map(bulkModel) as never, without(a, "requests")));
    case "createIndex":
      return coll.createIndex(a.keys as never, without(a, "keys"));
    case "dropIndex":
      return coll.dropIndex(String(a.name), without(a, "name"));
    case "dropIndexes":
      return coll.dropIndexes(a);
    case "listIndexes":
      return coll.listIndexes(a).toArray();
    case "listIndexNames":
      return (await coll.listIndexes(a).toArray()).map((i) => i.name);
    case "rename":
      return coll.rename(String(a.to), without(a, "to"));
    case "drop":
      return coll.drop(a);
    case "createSearchIndex":
      return coll.createSearchIndex(a.model as never);
    case "createSearchIndexes":
      return coll.createSearchIndexes(a.models as never);
    case "dropSearchIndex":
      return coll.dropSearchIndex(String(a.name));
    case "updateSearchIndex":
      return coll.updateSearchIndex(String(a.name), a.definition as Doc);
    case "listSearchIndexes":
      return coll.listSearchIndexes(a.name as string, (a.aggregationOptions as Doc) ?? {}).toArray();
    default:
      throw new Unsupported(`unsupported collection operation ${name}`);
  }
}

async function databaseOperation(db: Db, name: string, a: Doc): Promise<unknown> {
  switch (name) {
    case "aggregate":
      return db.aggregate(a.pipeline as Doc[], without(a, "pipeline")).toArray();
    case "createCollection":
      return db.createCollection(String(a.collection), without(a, "collection"));
    case "dropCollection":
      return db.dropCollection(String(a.collection), without(a, "collection"));
    case "listCollections":
      return db.listCollections((a.filter as Doc) ?? {}, without(a, "filter")).toArray();
    case "listCollectionNames":
      return (await db.listCollections((a.filter as Doc) ?? {}, { ...without(a, "filter"), nameOnly: true }).toArray()).map((c) => c.name);
    case "runCommand":
      return db.command(a.command as Doc, without(a, "command", "commandName"));
    case "modifyCollection":
      return db.command({ collMod: a.collection, ...without(a, "collection", "session") }, a.session ? { session: a.session as ClientSession } : {});
    default:
      throw new Unsupported(`unsupported database operation ${name}`);
  }
}

async function clientOperation(entity: ClientEntity, name: string, a: Doc): Promise<unknown> {
  switch (name) {
    case "clientBulkWrite": {
      const models = (a.models as Doc[]).map((m) => {
        const [kind, args] = Object.entries(m)[0] as [string, Doc];
        return { name: kind, ...args };
      });
      return entity.client.bulkWrite(models as never, without(a, "models"));
    }
    case "listDatabases":
      return (await entity.client.db("admin").admin().listDatabases(a)).databases;
    case "listDatabaseNames":
      return (await entity.client.db("admin").admin().listDatabases({ ...a, nameOnly: true })).databases.map((d) => d.name);
    default:
      throw new Unsupported(`unsupported client operation ${name}`);
  }
}

async function testRunnerOperation(entities: Entities, name: string, a: Doc, url: string): Promise<unknown> {
  const internal = await new MongoClient(url).connect();
  try {
    switch (name) {
      case "failPoint":
        return entities.client(String(a.client)).client.db("admin").command(a.failPoint as Doc);
      case "assertCollectionExists":
      case "assertCollectionNotExists": {
        const names = (await internal.db(String(a.databaseName)).listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
        const exists = names.includes(String(a.collectionName));
        if (exists !== (name === "assertCollectionExists")) throw new MatchError(`collection ${a.databaseName}.${a.collectionName} ${exists ? "exists" : "does not exist"}`);
        return undefined;
      }
      case "assertIndexExists":
      case "assertIndexNotExists": {
        const indexes = await internal.db(String(a.databaseName)).collection(String(a.collectionName)).listIndexes().toArray().catch(() => []);
        const exists = indexes.some((i) => i.name === a.indexName);
        if (exists !== (name === "assertIndexExists")) throw new MatchError(`index ${a.indexName} ${exists ? "exists" : "does not exist"}`);
        return undefined;
      }
      case "createEntities":
        await entities.create(a.entities as Doc[]);
        return undefined;
      default:
        throw new Unsupported(`unsupported testRunner operation ${name}`);
    }
  } finally {
    await internal.close();
  }
}

async function cursorOperation(cursor: FindCursor, name: string): Promise<unknown> {
  if (name === "iterateUntilDocumentOrError" || name === "iterateOnce") return cursor.next();
  if (name === "close") return cursor.close();
  throw new Unsupported(`unsupported cursor operation ${name}`);
}

/** The driver's result as the unified format describes it. */
function resultDocument(name: string, value: unknown): unknown {
  if (value && typeof value === "object" && "acknowledged" in (value as Doc)) {
    const r = { ...(value as Doc) };
    delete r.acknowledged;
    if (name === "insertMany") delete r.insertedCount;
    return r;
  }
  return value;
}

function isClientError(error: unknown): boolean {
  return !(error instanceof MongoServerError);
}

function checkError(expected: Doc, error: unknown, entities: Entities): void {
  if (expected.isClientError !== undefined && isClientError(error) !== expected.isClientError) {
    throw new MatchError(`expected a ${expected.isClientError ? "client" : "server"} error, got ${String(error)}`);
  }
  const server = error instanceof MongoServerError ? error : undefined;
  if (typeof expected.errorContains === "string") {
    const messages = [String((error as Error)?.message ?? error)];
    if (error instanceof MongoBulkWriteError) for (const w of error.writeErrors as unknown as Array<{ errmsg: string }>) messages.push(w.errmsg);
    if (!messages.some((m) => m.toLowerCase().includes((expected.errorContains as string).toLowerCase()))) {
      throw new MatchError(`error "${messages.join(" / ")}" does not contain "${expected.errorContains}"`);
    }
  }
  if (expected.errorCode !== undefined && server?.code !== expected.errorCode) {
    throw new MatchError(`expected error code ${expected.errorCode}, got ${server?.code ?? "a client error"}: ${String((error as Error)?.message)}`);
  }
  if (typeof expected.errorCodeName === "string" && String(server?.codeName).toLowerCase() !== expected.errorCodeName.toLowerCase()) {
    throw new MatchError(`expected codeName ${expected.errorCodeName}, got ${server?.codeName}: ${String((error as Error)?.message)}`);
  }
  for (const label of (expected.errorLabelsContain as string[] | undefined) ?? []) {
    if (!server?.hasErrorLabel(label)) throw new MatchError(`error lacks label ${label}`);
  }
  for (const label of (expected.errorLabelsOmit as string[] | undefined) ?? []) {
    if (server?.hasErrorLabel(label)) throw new MatchError(`error has label ${label}`);
  }
  if (expected.errorResponse !== undefined) assertMatches(expected.errorResponse, server?.errorResponse, entities, true, "errorResponse");
  if (expected.expectResult !== undefined) {
    const result = error instanceof MongoBulkWriteError ? bulkResult(error.result as never) : undefined;
    assertMatches(expected.expectResult, result, entities, true, "expectError.expectResult");
  }
}

/** Operations whose result is an iterated cursor: every document in it is matched as a root-level document. */
const ITERABLE_RESULTS = new Set(["find", "aggregate", "listCollections", "listIndexes", "listDatabases", "listSearchIndexes", "runCursorCommand"]);

async function runOperation(op: Doc, entities: Entities, url: string): Promise<void> {
  const name = String(op.name);
  const args = withSession(entities, (op.arguments as Doc) ?? {});
  let result: unknown;
  let error: unknown;
  let threw = false;
  try {
    const target = op.object === "testRunner" ? undefined : entities.entity(String(op.object));
    if (op.object === "testRunner") result = await testRunnerOperation(entities, name, args, url);
    else if (target instanceof ClientEntity) result = await clientOperation(target, name, args);
    else if (target instanceof Db) result = await databaseOperation(target, name, args);
    else if (target instanceof Collection) result = await collectionOperation(target, name, args);
    else if (target instanceof FindCursor) result = await cursorOperation(target, name);
    else throw new Unsupported(`unsupported operation target ${String(op.object)}`);
  } catch (e) {
    if (e instanceof Unsupported) throw e;
    if (e instanceof MatchError) throw e;
    threw = true;
    error = e;
  }
  if (op.ignoreResultAndError) return;
  if (op.expectError) {
    if (!threw) throw new MatchError(`${name}: expected an error, got ${show(result)}`);
    checkError(op.expectError as Doc, error, entities);
    return;
  }
  if (threw) throw new MatchError(`${name}: unexpected error ${error instanceof MongoServerError ? `${error.code} ` : ""}${String((error as Error)?.message ?? error)}`);
  if (typeof op.saveResultAsEntity === "string") entities.map.set(op.saveResultAsEntity, result);
  if (op.expectResult === undefined) return;
  const actual = resultDocument(name, result);
  if (ITERABLE_RESULTS.has(name) && Array.isArray(op.expectResult) && Array.isArray(actual) && actual.length === op.expectResult.length) {
    // each document of an iterated result is a root-level document
    op.expectResult.forEach((e, i) => assertMatches(e, actual[i], entities, true, `${name} result[${i}]`));
  } else assertMatches(op.expectResult, actual, entities, true, `${name} result`);
}

function checkEvents(test: SpecTest, entities: Entities): void {
  for (const expected of test.expectEvents ?? []) {
    if ((expected.eventType ?? "command") !== "command") throw new Unsupported(`unsupported event type ${expected.eventType}`);
    const observed = entities.client(expected.client).events;
    const where = `events of ${expected.client}`;
    if (expected.ignoreExtraEvents ? observed.length < expected.events.length : observed.length !== expected.events.length) {
      throw new MatchError(`${where}: expected ${expected.events.length} events, got ${observed.length}: ${observed.map((o) => `${o.type}(${o.event.commandName})`).join(", ")}`);
    }
    expected.events.forEach((e, i) => {
      const [type, spec] = Object.entries(e)[0] as [string, Doc];
      const actual = observed[i];
      if (actual.type !== type) throw new MatchError(`${where}[${i}]: expected ${type}, got ${actual.type}(${actual.event.commandName})`);
      if (spec.commandName !== undefined && actual.event.commandName !== spec.commandName) {
        throw new MatchError(`${where}[${i}]: expected command ${spec.commandName}, got ${actual.event.commandName}`);
      }
      if (spec.databaseName !== undefined && (actual.event as CommandStartedEvent).databaseName !== spec.databaseName) {
        throw new MatchError(`${where}[${i}]: expected database ${spec.databaseName}`);
      }
      if (spec.command !== undefined) assertMatches(spec.command, (actual.event as CommandStartedEvent).command, entities, true, `${where}[${i}].command`);
      if (spec.reply !== undefined) assertMatches(spec.reply, (actual.event as CommandSucceededEvent).reply, entities, true, `${where}[${i}].reply`);
    });
  }
}

async function prepareData(url: string, spec: SpecFile): Promise<void> {
  const client = await new MongoClient(url).connect();
  try {
    if (!spec.initialData?.length) {
      // no initial data: the file's collections start absent (not left over from another file)
      const databases = new Map((spec.createEntities ?? []).filter((e) => e.database).map((e) => [(e.database as Doc).id, (e.database as Doc).databaseName]));
      for (const e of spec.createEntities ?? []) {
        const c = e.collection as Doc | undefined;
        if (c) await client.db(String(databases.get(c.database))).collection(String(c.collectionName)).drop().catch(() => undefined);
      }
      return;
    }
    for (const data of spec.initialData) {
      const db = client.db(data.databaseName);
      await db.collection(data.collectionName).drop().catch(() => undefined);
      if (data.createOptions || data.documents.length === 0) await db.createCollection(data.collectionName, data.createOptions ?? {});
      if (data.documents.length) await db.collection(data.collectionName).insertMany(data.documents);
    }
  } finally {
    await client.close();
  }
}

async function checkOutcome(url: string, test: SpecTest, entities: Entities): Promise<void> {
  if (!test.outcome?.length) return;
  const client = await new MongoClient(url).connect();
  try {
    for (const expected of test.outcome) {
      const docs = await client.db(expected.databaseName).collection(expected.collectionName).find({}, { sort: { _id: 1 } }).toArray();
      assertMatches(expected.documents, docs, entities, false, `outcome ${expected.databaseName}.${expected.collectionName}`);
    }
  } finally {
    await client.close();
  }
}

/** Runs one case against the server at `url` (which must satisfy its requirements). */
export async function runCase(url: string, spec: SpecFile, test: SpecTest): Promise<CaseStatus> {
  const entities = new Entities(url);
  try {
    await prepareData(url, spec);
    await entities.create(spec.createEntities ?? []);
    for (const op of test.operations) await runOperation(op, entities, url);
    checkEvents(test, entities);
    await checkOutcome(url, test, entities);
    return { status: "passed" };
  } catch (e) {
    return { status: "failed", reason: e instanceof Error ? e.message : String(e) };
  } finally {
    await entities.close();
  }
}

export interface RunSummary {
  passed: number;
  failed: number;
  skipped: number;
  results: Array<{ file: string; test: string } & CaseStatus>;
}

/** Runs every case of every file in `dir` against `url`. */
export async function runFolder(dir: string, url: string, onResult?: (r: RunSummary["results"][number]) => void): Promise<RunSummary> {
  const server = await describeServer(url);
  const summary: RunSummary = { passed: 0, failed: 0, skipped: 0, results: [] };
  for (const spec of loadSpecFiles(dir)) {
    for (const test of spec.tests) {
      const reason = skipReason(spec, test, server);
      const status: CaseStatus = reason ? { status: "skipped", reason } : await runCase(url, spec, test);
      summary[status.status]++;
      const result = { file: spec.file, test: test.description, ...status };
      summary.results.push(result);
      onResult?.(result);
    }
  }
  return summary;
}
