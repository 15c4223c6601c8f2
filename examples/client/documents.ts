import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse } from "graphql";

/*
 * Typed documents, written by hand the way GraphQL Code Generator's typed-document-node output looks:
 * each document carries the types of its result and variables.
 */

export interface NetworkSchoolsPage {
  network: {
    name: string;
    schools: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{ node: { id: string; name: string; locale: string | null } }>;
    };
  } | null;
}
export interface NetworkSchoolsVariables extends Record<string, unknown> {
  networkId: string;
  first: number;
  after?: string | null;
}
export const NetworkSchools: TypedDocumentNode<NetworkSchoolsPage, NetworkSchoolsVariables> = parse(`
  query NetworkSchools($networkId: ID!, $first: Int!, $after: String) {
    network(id: $networkId) {
      name
      schools(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id name locale } }
      }
    }
  }
`);

export interface RecordNeedResult {
  recordNeed: { id: string; focusArea: string; priority: "LOW" | "MEDIUM" | "HIGH" };
}
export interface RecordNeedVariables extends Record<string, unknown> {
  input: { schoolId: string; networkIds: string[]; focusArea: string; priority?: "LOW" | "MEDIUM" | "HIGH" };
}
export const RecordNeed: TypedDocumentNode<RecordNeedResult, RecordNeedVariables> = parse(`
  mutation RecordNeed($input: RecordNeedInput!) {
    recordNeed(input: $input) { id focusArea priority }
  }
`);
