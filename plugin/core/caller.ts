import type { Identity } from './actor.js';
import type { InputOf, OpName, OutputOf } from './operation.js';
import { execute, type Env } from './runner.js';

/** Runs operations by name with exact types: a wrong name or field is a compile error (tRPC's createCaller). */
export type Caller = <N extends OpName>(operation: N, ...input: InputArg<N>) => Promise<OutputOf<N>>;

/** The input may be left out when every field is optional. */
// biome-ignore lint/complexity/noBannedTypes: `{}` here is the empty input, the test for "every field optional"
export type InputArg<N extends OpName> = {} extends InputOf<N> ? [input?: InputOf<N>] : [input: InputOf<N>];

export function createCaller(env: Env, identity: Identity): Caller {
  return (operation, ...[input]) => execute(env, operation, input ?? {}, identity);
}
