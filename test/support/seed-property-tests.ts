import fc from 'fast-check';

/**
 * Property tests draw the same cases on every run, so a run's answer never depends on the draw;
 * set FAST_CHECK_SEED to explore other cases (a failure prints the seed and path that replay it).
 */
fc.configureGlobal({ seed: Number(process.env.FAST_CHECK_SEED ?? 20261206) });
