/** Type declarations for untyped packages and for mingo's sub-path exports (resolved by Node's "exports"). */
declare module "wink-porter2-stemmer" {
  function stem(word: string): string;
  export = stem;
}

declare module "mingo/core" {
  export * from "mingo/types/core";
}
declare module "mingo/aggregator" {
  export * from "mingo/types/aggregator";
}
declare module "mingo/query" {
  export * from "mingo/types/query";
}
declare module "mingo/lazy" {
  export * from "mingo/types/lazy";
}
declare module "mingo/util" {
  export * from "mingo/types/util";
}
declare module "mingo/operators/pipeline" {
  export * from "mingo/types/operators/pipeline";
}
declare module "mingo/operators/expression" {
  export * from "mingo/types/operators/expression";
}
declare module "mingo/operators/accumulator" {
  export * from "mingo/types/operators/accumulator";
}
declare module "mingo/operators/query" {
  export * from "mingo/types/operators/query";
}
declare module "mingo/operators/projection" {
  export * from "mingo/types/operators/projection";
}
declare module "mingo/operators/window" {
  export * from "mingo/types/operators/window";
}
declare module "stopword" {
  export const eng: string[];
}
