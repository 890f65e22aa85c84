/** Vite's inline worker imports: the worker's script built into the page's, started from a blob. */
declare module "*?worker&inline" {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
