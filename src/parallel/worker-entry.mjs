// Worker threads start without the parent's module hooks (Node keeps hooks per thread), so each worker
// registers tsx itself before loading the TypeScript worker. Under `tsx` the loader may already be present
// through execArgv; the pool starts workers with an empty execArgv so it is registered exactly once.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
