/** Test helpers use the same free-port helper as the benchmark script (which is built without test/). */
export { freePort } from '../../scripts/lib/freePort';
