/** Replication commands a standalone mongod answers with NoReplicationEnabled (76). */
import type { CommandDefinition } from "./context";
import { commandError, ErrorCodes } from "../errors";

const notReplicated = (): never => {
  throw commandError(ErrorCodes.NoReplicationEnabled, "not running with --replSet");
};

export const replicationCommands: Record<string, CommandDefinition> = {
  replSetGetStatus: { handler: notReplicated },
  replSetGetConfig: { handler: notReplicated },
  replSetInitiate: { handler: notReplicated },
  replSetReconfig: { handler: notReplicated },
  replSetStepDown: { handler: notReplicated },
};
