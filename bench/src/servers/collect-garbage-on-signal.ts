/*
 * Loaded into a server under test with `node --expose-gc --import <this file>`: a SIGUSR2 makes
 * the process collect its garbage at once, so that the bench reads the memory it keeps rather
 * than the garbage V8 has not collected yet. The mock itself never collects garbage by hand.
 */
const { gc } = globalThis;
if (!gc) throw new Error('collect-garbage-on-signal needs node --expose-gc');
process.on('SIGUSR2', () => gc());
