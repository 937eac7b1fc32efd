import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old space grow past what the last full collection left live before it
 * collects again: 1.5× here, for the API process (main.ts imports this module first, so that the
 * limits V8 computes during start-up already use it; it reads the flag at each limit computation).
 *
 * V8's default grows it up to 4× when memory is plentiful: a 1M-row CSV export, whose promoted
 * garbage dies at the next full collection, took the API from ~210 MB to ~460 MB of RSS over an
 * ~87 MB live heap. At 1.5× it stays within ~50 MB of its size at rest, for more (and shorter)
 * full collections; the figures and the throughput comparison are in test/bench/README.md
 * («CSV and idle memory»).
 */
export const HEAP_GROWING_PERCENT = 50;

setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
