import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { schoolAgreementModule } from "./school-agreement/school-agreement.module";
import { fundedWorkModule } from "./funding/funded-work.module";
import { jointPracticeModule } from "./joint-practice/joint-practice.module";

/** A part of the subgraph that brings its own resolvers and entity reference resolvers. */
interface SubgraphModule {
  resolvers: readonly Function[];
  referenceResolvers: Record<string, { __resolveReference: (...args: any[]) => unknown }>;
}

/** Modules that index.ts spreads into the schema. */
const modules: SubgraphModule[] = [schoolAgreementModule, fundedWorkModule, jointPracticeModule];

export const moduleResolvers: Function[] = modules.flatMap((module) => [...module.resolvers]);
export const moduleReferenceResolvers: GraphQLResolverMap<unknown> = Object.assign({}, ...modules.map((module) => module.referenceResolvers));
