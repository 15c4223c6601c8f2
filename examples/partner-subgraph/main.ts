import { startPartnerSubgraph } from "./server";

/** `PORT=4100 HUB_JWKS_URL=http://localhost:4000/.well-known/jwks.json SUBGRAPH_NAME=nw-rise-engagement node …/main.js` */
startPartnerSubgraph({
  port: Number(process.env.PORT ?? 4100),
  host: process.env.HOST,
  jwksUrl: process.env.HUB_JWKS_URL ?? "http://localhost:4000/.well-known/jwks.json",
  name: process.env.SUBGRAPH_NAME ?? "nw-rise-engagement",
}).then(
  (server) => console.log(`Partner subgraph ready at ${server.url}`),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
