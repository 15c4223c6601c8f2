import { HUB_PREFIXES, HUB_VARIABLES, type HubProcess, type HubVariableName, type VariableSpec } from "./variables";

type Variables = typeof HUB_VARIABLES;
type ValueOf<S> = S extends VariableSpec<infer T, any, any> ? T : never;
type ReadBy<S> = S extends VariableSpec<any, infer P, any> ? P : never;
type RequiredBy<S> = S extends VariableSpec<any, any, infer R> ? R : never;
type HasDefault<S> = S extends { default: unknown } ? true : false;

/** The typed configuration of one process: the variables it reads, each parsed, defaulted or undefined. */
export type HubConfig<P extends HubProcess> = {
  readonly [K in HubVariableName as P extends ReadBy<Variables[K]> ? K : never]: HasDefault<Variables[K]> extends true
    ? ValueOf<Variables[K]>
    : P extends RequiredBy<Variables[K]>
      ? ValueOf<Variables[K]>
      : ValueOf<Variables[K]> | undefined;
};

/** Every problem found, one line per variable, so one restart fixes them all. */
export class ConfigError extends Error {
  constructor(
    readonly process: HubProcess,
    readonly problems: string[],
  ) {
    super(`Configuration of ${process} is invalid:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Reads, parses and checks the variables `process` reads (HUB_VARIABLES), and refuses any variable
 * under a hub prefix that is not declared at all: a typo would otherwise be silently ignored.
 */
export function loadConfig<P extends HubProcess>(process: P, env: NodeJS.ProcessEnv = globalThis.process.env): HubConfig<P> {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(HUB_VARIABLES) as Array<[HubVariableName, VariableSpec<unknown, HubProcess, HubProcess>]>) {
    if (!spec.readBy.includes(process)) continue;
    const raw = env[name];
    if (raw === undefined || raw === "") {
      if (spec.requiredBy?.includes(process)) problems.push(`${name} is not set: ${spec.description}`);
      config[name] = spec.default;
      continue;
    }
    try {
      config[name] = spec.parse(raw);
    } catch (error) {
      problems.push(`${name} ${(error as Error).message}`);
    }
  }
  for (const name of unknownVariables(env)) {
    const suggestion = closest(name);
    problems.push(`${name} is not a variable of the hub${suggestion ? ` (did you mean ${suggestion}?)` : ""}`);
  }
  if (problems.length > 0) throw new ConfigError(process, problems);
  return Object.freeze(config) as HubConfig<P>;
}

function unknownVariables(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env)
    .filter((name) => HUB_PREFIXES.some((prefix) => name.startsWith(prefix)) && !Object.hasOwn(HUB_VARIABLES, name))
    .sort();
}

/** The declared name nearest to a typo, if it is near enough to be meant. */
function closest(name: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of Object.keys(HUB_VARIABLES)) {
    const distance = editDistance(name, candidate);
    if (distance <= 3 && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The environment a child process gets: this one's, with `overrides` (`start:cluster` gives each service its variables). */
export function environmentWith(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...globalThis.process.env, ...overrides };
}
