import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// `gc` without restarting the test worker with --expose-gc: the flag takes effect for contexts made afterwards.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Full collections with turns of the event loop between them, so finalizers and weak references settle. */
export async function collectGarbage(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}
