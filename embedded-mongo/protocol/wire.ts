/**
 * MongoDB wire protocol framing: the 16-byte header, OP_MSG (kind 0 body and kind 1 document
 * sequence sections), legacy OP_QUERY (handshake only) and OP_REPLY.
 */
import { deserialize, serialize, type Document } from "bson";
import { holdNumbers } from "../engine/numbers";
import { ErrorCodes } from "../errors";
import { bsonDepth, MAX_BSON_DEPTH } from "./depth";

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

export const HEADER_SIZE = 16;
export const MAX_MESSAGE_SIZE = 48_000_000;
export const MAX_BSON_SIZE = 16 * 1024 * 1024;

export const MSG_CHECKSUM_PRESENT = 1 << 0;
export const MSG_MORE_TO_COME = 1 << 1;
export const MSG_EXHAUST_ALLOWED = 1 << 16;

export interface MessageHeader {
  length: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

export interface OpMsgRequest {
  kind: "msg";
  header: MessageHeader;
  flags: number;
  /** The command body with document sequences merged in under their identifiers. */
  body: Document;
}

export interface OpQueryRequest {
  kind: "query";
  header: MessageHeader;
  flags: number;
  collection: string;
  query: Document;
}

export type Request = OpMsgRequest | OpQueryRequest;

/** A message that cannot be understood. `fatal` ones close the connection (no reply possible). */
export class WireError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly fatal: boolean,
  ) {
    super(message);
  }
}

/** Numbers keep their BSON type (`engine/numbers.ts`): decoded as wrappers, then held. */
const BSON_OPTIONS = { promoteValues: false, promoteBuffers: false, bsonRegExp: false } as const;

export function readHeader(buf: Buffer): MessageHeader {
  return {
    length: buf.readInt32LE(0),
    requestId: buf.readInt32LE(4),
    responseTo: buf.readInt32LE(8),
    opCode: buf.readInt32LE(12),
  };
}

/** Validates the announced length before the whole message is buffered. */
export function checkLength(length: number): void {
  if (length < HEADER_SIZE) throw new WireError(`Invalid message length ${length}`, ErrorCodes.ProtocolError, true);
  if (length > MAX_MESSAGE_SIZE) {
    throw new WireError(`Message size ${length} exceeds the maximum of ${MAX_MESSAGE_SIZE}`, ErrorCodes.ProtocolError, true);
  }
}

function readDocument(buf: Buffer, pos: number, end: number): { doc: Document; next: number } {
  if (pos + 5 > end) throw new WireError("Truncated BSON document in message", ErrorCodes.InvalidBSON, false);
  const size = buf.readInt32LE(pos);
  if (size < 5 || pos + size > end) throw new WireError(`Invalid BSON document length ${size}`, ErrorCodes.InvalidBSON, false);
  if (size > MAX_BSON_SIZE + 16 * 1024) throw new WireError("BSON document too large", ErrorCodes.BSONObjectTooLarge, false);
  if (bsonDepth(buf, pos, pos + size) < 0) {
    throw new WireError(`BSONObj exceeded maximum nested object depth: ${MAX_BSON_DEPTH}`, ErrorCodes.Overflow, false);
  }
  let doc: Document;
  try {
    doc = holdNumbers(deserialize(buf.subarray(pos, pos + size), BSON_OPTIONS));
  } catch (e) {
    throw new WireError(`Invalid BSON: ${(e as Error).message}`, ErrorCodes.InvalidBSON, false);
  }
  return { doc, next: pos + size };
}

function readCString(buf: Buffer, pos: number, end: number): { value: string; next: number } {
  const zero = buf.indexOf(0, pos);
  if (zero < 0 || zero >= end) throw new WireError("Unterminated string in message", ErrorCodes.ProtocolError, false);
  return { value: buf.toString("utf8", pos, zero), next: zero + 1 };
}

/** Parses one complete message (header included). */
export function parseMessage(buf: Buffer): Request {
  const header = readHeader(buf);
  switch (header.opCode) {
    case OP_MSG:
      return parseOpMsg(buf, header);
    case OP_QUERY:
      return parseOpQuery(buf, header);
    case OP_COMPRESSED:
      throw new WireError("Compression was not negotiated", ErrorCodes.ProtocolError, true);
    default:
      throw new WireError(`Unsupported message opCode ${header.opCode}`, ErrorCodes.ProtocolError, true);
  }
}

function parseOpMsg(buf: Buffer, header: MessageHeader): OpMsgRequest {
  if (buf.length < HEADER_SIZE + 5) throw new WireError("Truncated OP_MSG", ErrorCodes.ProtocolError, false);
  const flags = buf.readUInt32LE(HEADER_SIZE);
  const unknownRequired = flags & 0xffff & ~(MSG_CHECKSUM_PRESENT | MSG_MORE_TO_COME);
  if (unknownRequired) throw new WireError(`Unrecognized required flag bits ${unknownRequired} in OP_MSG`, ErrorCodes.ProtocolError, false);
  const end = buf.length - (flags & MSG_CHECKSUM_PRESENT ? 4 : 0);
  let pos = HEADER_SIZE + 4;
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  while (pos < end) {
    const kind = buf[pos++];
    if (kind === 0) {
      if (body) throw new WireError("Multiple body sections in OP_MSG", ErrorCodes.ProtocolError, false);
      const r = readDocument(buf, pos, end);
      body = r.doc;
      pos = r.next;
    } else if (kind === 1) {
      if (pos + 4 > end) throw new WireError("Truncated document sequence", ErrorCodes.ProtocolError, false);
      const size = buf.readInt32LE(pos);
      const seqEnd = pos + size;
      if (size < 5 || seqEnd > end) throw new WireError(`Invalid document sequence length ${size}`, ErrorCodes.ProtocolError, false);
      const id = readCString(buf, pos + 4, seqEnd);
      const docs: Document[] = [];
      let p = id.next;
      while (p < seqEnd) {
        const r = readDocument(buf, p, seqEnd);
        docs.push(r.doc);
        p = r.next;
      }
      sequences.push([id.value, docs]);
      pos = seqEnd;
    } else {
      throw new WireError(`Unknown OP_MSG section kind ${kind}`, ErrorCodes.ProtocolError, false);
    }
  }
  if (!body) throw new WireError("OP_MSG has no body section", ErrorCodes.ProtocolError, false);
  for (const [id, docs] of sequences) {
    if (Object.prototype.hasOwnProperty.call(body, id)) {
      throw new WireError(`Duplicate field name '${id}' in document sequence and body`, ErrorCodes.ProtocolError, false);
    }
    body[id] = docs;
  }
  return { kind: "msg", header, flags, body };
}

function parseOpQuery(buf: Buffer, header: MessageHeader): OpQueryRequest {
  const end = buf.length;
  if (end < HEADER_SIZE + 4) throw new WireError("Truncated OP_QUERY", ErrorCodes.ProtocolError, false);
  const flags = buf.readInt32LE(HEADER_SIZE);
  const coll = readCString(buf, HEADER_SIZE + 4, end);
  if (coll.next + 8 > end) throw new WireError("Truncated OP_QUERY", ErrorCodes.ProtocolError, false);
  const { doc } = readDocument(buf, coll.next + 8, end);
  return { kind: "query", header, flags, collection: coll.value, query: doc };
}

const SERIALIZE_OPTIONS = { ignoreUndefined: true, checkKeys: false } as const;

function header(length: number, requestId: number, responseTo: number, opCode: number): Buffer {
  const h = Buffer.allocUnsafe(HEADER_SIZE);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(requestId, 4);
  h.writeInt32LE(responseTo, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

export function encodeOpMsg(requestId: number, responseTo: number, doc: Document, flags = 0): Buffer {
  const body = serialize(doc, SERIALIZE_OPTIONS);
  const length = HEADER_SIZE + 4 + 1 + body.length;
  const prefix = Buffer.allocUnsafe(5);
  prefix.writeUInt32LE(flags, 0);
  prefix[4] = 0;
  return Buffer.concat([header(length, requestId, responseTo, OP_MSG), prefix, body], length);
}

export const REPLY_QUERY_FAILURE = 1 << 1;

export function encodeOpReply(requestId: number, responseTo: number, doc: Document, responseFlags = 0): Buffer {
  const body = serialize(doc, SERIALIZE_OPTIONS);
  const length = HEADER_SIZE + 20 + body.length;
  const fields = Buffer.alloc(20);
  fields.writeInt32LE(responseFlags, 0);
  // cursorID (8 bytes) = 0, startingFrom = 0
  fields.writeInt32LE(1, 16); // numberReturned
  return Buffer.concat([header(length, requestId, responseTo, OP_REPLY), fields, body], length);
}
