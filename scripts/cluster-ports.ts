/**
 * The second gateway's port in `start:cluster`: the first one above the first gateway's that no other service of
 * the cluster listens on (the defaults put the networks subgraph on the port right after the gateway's).
 */
export function secondGatewayPort(firstGatewayPort: number, taken: readonly number[]): number {
  let port = firstGatewayPort + 1;
  while (taken.includes(port)) port += 1;
  if (port > 65535) throw new Error(`No port above ${firstGatewayPort} is left for the second gateway`);
  return port;
}
